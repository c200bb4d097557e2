package io.artstore.ui.auth;

import java.time.Clock;
import java.time.Instant;

import io.artstore.ui.UiProperties;
import io.artstore.ui.api.AdminApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out a session's access token, refreshing it transparently: before use when it
 * expires within {@code refreshBefore}, and on demand after admin-module rejected it
 * (401). A refresh that fails (refresh token expired, revoked or already used) ends the
 * session's tokens and throws {@link SessionExpiredException}; admin-module being
 * unreachable does not end anything.
 */
public class AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    private final AdminAuthClient auth;
    private final Clock clock;
    private final UiProperties properties;

    public AccessTokens(AdminAuthClient auth, Clock clock, UiProperties properties) {
        this.auth = auth;
        this.clock = clock;
        this.properties = properties;
    }

    /** A token valid for at least {@code refreshBefore} (refreshing it first if needed). */
    public String current(TokenSession session) {
        synchronized (session) {
            requireLive(session);
            Instant now = clock.instant();
            if (!session.expiresAt().minus(properties.refreshBefore()).isAfter(now)) {
                refresh(session);
            }
            return session.accessToken();
        }
    }

    /**
     * admin-module rejected {@code rejected}: refresh, unless another request of the same
     * session already did (then its new token is returned).
     */
    public String renew(TokenSession session, String rejected) {
        synchronized (session) {
            requireLive(session);
            if (!session.accessToken().equals(rejected)) {
                return session.accessToken();
            }
            refresh(session);
            return session.accessToken();
        }
    }

    private void refresh(TokenSession session) {
        try {
            session.update(auth.refresh(session.refreshToken()), clock.instant());
            log.debug("Access token refreshed");
        } catch (AdminApiException ex) {
            if (ex.unavailable() || ex.status() >= 500) {
                throw ex;
            }
            session.end();
            log.info("Refresh refused by admin-module ({}); the session ends", ex.code());
            throw new SessionExpiredException("refresh refused: " + ex.code());
        }
    }

    private static void requireLive(TokenSession session) {
        if (session.ended()) {
            throw new SessionExpiredException("session tokens ended");
        }
    }
}
