package io.artstore.ui.auth;

import java.util.Map;

import io.artstore.ui.api.AdminApiException;
import io.artstore.ui.api.RestClients;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** admin-module's admin-auth endpoints: login, refresh, me. */
public class AdminAuthClient {

    private final RestClient client;

    public AdminAuthClient(RestClients clients) {
        this.client = clients.admin();
    }

    public LoginTokens login(String username, String password) {
        return post("/api/v1/admin-auth/login", Map.of("username", username, "password", password));
    }

    public LoginTokens refresh(String refreshToken) {
        return post("/api/v1/admin-auth/refresh", Map.of("refresh_token", refreshToken));
    }

    public CurrentAdmin me(String accessToken) {
        try {
            return client.get().uri("/api/v1/admin-auth/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .retrieve().body(CurrentAdmin.class);
        } catch (ResourceAccessException ex) {
            throw RestClients.unreachable(ex);
        }
    }

    private LoginTokens post(String path, Map<String, String> body) {
        try {
            LoginTokens tokens = client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(LoginTokens.class);
            if (tokens == null || tokens.accessToken() == null) {
                throw new AdminApiException(502, "BAD_ANSWER", "no tokens in the answer");
            }
            return tokens;
        } catch (ResourceAccessException ex) {
            throw RestClients.unreachable(ex);
        }
    }
}
