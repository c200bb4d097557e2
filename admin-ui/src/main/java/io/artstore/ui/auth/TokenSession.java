package io.artstore.ui.auth;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * The admin-module tokens of one UI session. Kept only as an HTTP session attribute,
 * never rendered into a page. Mutable (a refresh replaces both tokens); callers
 * synchronize on the instance so that one session never spends its single-use refresh
 * token twice.
 */
public final class TokenSession implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Name of the HTTP session attribute. */
    public static final String ATTRIBUTE = TokenSession.class.getName();

    private String accessToken;
    private String refreshToken;
    private Instant expiresAt;
    private boolean ended;

    public TokenSession(LoginTokens tokens, Instant now) {
        update(tokens, now);
    }

    synchronized void update(LoginTokens tokens, Instant now) {
        this.accessToken = tokens.accessToken();
        this.refreshToken = tokens.refreshToken();
        this.expiresAt = now.plusSeconds(tokens.expiresIn());
    }

    synchronized String accessToken() {
        return accessToken;
    }

    synchronized String refreshToken() {
        return refreshToken;
    }

    synchronized Instant expiresAt() {
        return expiresAt;
    }

    synchronized void end() {
        ended = true;
        accessToken = null;
        refreshToken = null;
    }

    synchronized boolean ended() {
        return ended;
    }

    @Override
    public String toString() {
        return "TokenSession[expiresAt=" + expiresAt + ", ended=" + ended + "]";
    }
}
