package io.artstore.kernel.client.admin;

import java.util.ArrayList;
import java.util.List;

import io.artstore.kernel.client.ClientProperties;
import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.kernel.error.ApiErrors;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.paging.Page;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to admin-module's API made by other services with their service token: the
 * storage-element registry (to place uploads) and the file registry (to register them).
 * Unreachable or failing admin-module is a 502 {@code ADMIN_UNAVAILABLE}; admin's 4xx
 * answers keep their status and code.
 */
public class AdminClient {

    private static final ParameterizedTypeReference<Page<StorageElementRecord>> SE_PAGE = new ParameterizedTypeReference<>() {
    };
    private static final int PAGE = 1000;

    private final RestClient rest;
    private final ServiceTokenProvider tokens;
    private final JsonMapper json;

    public AdminClient(RestClient.Builder builder, ClientProperties properties, ServiceTokenProvider tokens, JsonMapper json) {
        HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW,
                properties.adminTimeout(), properties.adminTimeout(), null);
        this.rest = builder.clone()
                .baseUrl(properties.adminUrl())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new RestClientResponseException("admin-module error", response.getStatusCode(),
                            response.getStatusText(), response.getHeaders(), response.getBody().readAllBytes(), null);
                })
                .build();
        this.tokens = tokens;
        this.json = json;
    }

    /** Every registered storage element in the given mode and status (all pages). */
    public List<StorageElementRecord> storageElements(String mode, String status) {
        List<StorageElementRecord> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/storage-elements")
                    .queryParam("limit", PAGE).queryParam("offset", offset);
            if (mode != null) {
                uri.queryParam("mode", mode);
            }
            if (status != null) {
                uri.queryParam("status", status);
            }
            Page<StorageElementRecord> page = call(() -> rest.get().uri(uri.build().toUriString())
                    .headers(h -> h.setBearerAuth(tokens.accessToken()))
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(SE_PAGE));
            all.addAll(page.items());
            if (!page.hasMore() || page.items().isEmpty()) {
                return all;
            }
        }
    }

    /**
     * {@code POST /api/v1/files}: registers an uploaded file; answers the registry's view of it
     * (copies wanted and known, when admin-module reports them).
     */
    public RegisteredFile registerFile(FileRegistration registration) {
        return RegisteredFile.of(call(() -> rest.post().uri("/api/v1/files")
                .headers(h -> h.setBearerAuth(tokens.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(registration))
                .retrieve().body(JsonNode.class)));
    }

    private <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RestClientResponseException ex) {
            if (ex.getStatusCode().is5xxServerError()) {
                throw new ApiException(ErrorCode.ADMIN_UNAVAILABLE, "admin-module failed (HTTP " + ex.getStatusCode().value() + ")", ex);
            }
            throw ApiErrors.exception("admin-module", ex.getStatusCode().value(), ex.getResponseBodyAsByteArray(), ex);
        } catch (ResourceAccessException ex) {
            throw new ApiException(ErrorCode.ADMIN_UNAVAILABLE, "admin-module is unreachable", ex);
        } catch (RestClientException ex) {
            throw new ApiException(ErrorCode.ADMIN_UNAVAILABLE, "admin-module sent an unreadable answer", ex);
        }
    }
}
