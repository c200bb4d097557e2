package io.artstore.ui.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.error.ApiErrors;
import io.artstore.ui.UiProperties;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** Builds the {@link RestClient}s for admin-module and query-module and turns their errors into {@link AdminApiException}. */
public class RestClients {

    private final RestClient.Builder builder;
    private final UiProperties properties;

    public RestClients(RestClient.Builder builder, UiProperties properties) {
        this.builder = builder;
        this.properties = properties;
    }

    /** Client for admin-module; 4xx/5xx answers throw {@link AdminApiException}. */
    public RestClient admin() {
        return builder.clone()
                .baseUrl(properties.adminUrl().toString())
                .requestFactory(factory(properties.readTimeout()))
                .defaultStatusHandler(status -> status.isError(), this::raise)
                .build();
    }

    /** Client for query-module downloads (status handling is left to the caller: it streams). */
    public RestClient query() {
        return builder.clone()
                .baseUrl(properties.queryUrl().toString())
                .requestFactory(factory(properties.downloadTimeout()))
                .build();
    }

    private ClientHttpRequestFactory factory(Duration readTimeout) {
        return ClientHttpRequestFactoryBuilder.jdk().build(new HttpClientSettings(HttpRedirects.DONT_FOLLOW,
                properties.connectTimeout(), readTimeout, null));
    }

    private void raise(HttpRequest request, ClientHttpResponse response) throws IOException {
        throw error(response.getStatusCode().value(), response.getBody());
    }

    /** The exception for an error answer with the given status and body (which it closes). */
    public AdminApiException error(int status, InputStream body) {
        ApiError.Detail error = ApiErrors.read(status, body).error();
        if (error.message() == null && status >= 500) {
            // not our error format: a proxy or gateway in front of the service failed, which the
            // status's own code (502 -> SE_UNAVAILABLE) would misname
            return new AdminApiException(status, AdminApiException.UNAVAILABLE, "");
        }
        return new AdminApiException(status, error.code(), error.message() != null ? error.message() : "");
    }

    /** Wraps a connection failure. */
    public static AdminApiException unreachable(ResourceAccessException ex) {
        return new AdminApiException("service unreachable", ex);
    }
}
