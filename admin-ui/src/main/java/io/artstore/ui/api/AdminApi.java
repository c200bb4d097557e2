package io.artstore.ui.api;

import java.net.URI;
import java.util.function.Function;

import io.artstore.ui.auth.AccessTokens;
import io.artstore.ui.auth.CurrentSession;
import io.artstore.ui.auth.SessionExpiredException;
import io.artstore.ui.auth.TokenSession;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * admin-module's API as the logged-in user: every call carries the session's access
 * token, refreshed when it is about to expire, and is retried once with a refreshed token
 * when admin-module answers 401.
 */
public class AdminApi {

    private final RestClient client;
    private final AccessTokens tokens;

    public AdminApi(RestClients clients, AccessTokens tokens) {
        this.client = clients.admin();
        this.tokens = tokens;
    }

    public <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return call(token -> client.get().uri(uri).headers(bearer(token)).retrieve().body(type));
    }

    public <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return call(token -> client.get().uri(uri).headers(bearer(token)).retrieve().body(type));
    }

    public <T> T get(String uri, Class<T> type, Object... variables) {
        return call(token -> client.get().uri(uri, variables).headers(bearer(token)).retrieve().body(type));
    }

    public <T> T post(String uri, Object body, Class<T> type, Object... variables) {
        return call(token -> {
            RestClient.RequestBodySpec spec = client.post().uri(uri, variables).headers(bearer(token));
            if (body != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return spec.retrieve().body(type);
        });
    }

    /** POST without a body in the answer (or one the caller does not need). */
    public void post(String uri, Object body, Object... variables) {
        call(token -> {
            RestClient.RequestBodySpec spec = client.post().uri(uri, variables).headers(bearer(token));
            if (body != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return spec.retrieve().toBodilessEntity();
        });
    }

    public <T> T put(String uri, Object body, Class<T> type, Object... variables) {
        return call(token -> client.put().uri(uri, variables).headers(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    /** PATCH with a JSON body (only the fields to change). */
    public <T> T patch(String uri, Object body, Class<T> type, Object... variables) {
        return call(token -> client.patch().uri(uri, variables).headers(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    public void delete(String uri, Object... variables) {
        call(token -> client.delete().uri(uri, variables).headers(bearer(token)).retrieve().toBodilessEntity());
    }

    /**
     * Runs {@code request} with the session's access token; on 401 once more with a
     * refreshed one. Also used for query-module calls that need the user's token.
     */
    public <T> T call(Function<String, T> request) {
        TokenSession session = CurrentSession.tokens();
        String token = tokens.current(session);
        try {
            return invoke(request, token);
        } catch (AdminApiException ex) {
            if (ex.status() != 401) {
                throw ex;
            }
        }
        String renewed = tokens.renew(session, token);
        try {
            return invoke(request, renewed);
        } catch (AdminApiException ex) {
            if (ex.status() == 401) {
                throw new SessionExpiredException("token rejected after refresh");
            }
            throw ex;
        }
    }

    private static <T> T invoke(Function<String, T> request, String token) {
        try {
            return request.apply(token);
        } catch (ResourceAccessException ex) {
            throw RestClients.unreachable(ex);
        }
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
