package io.artstore.ui.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import io.artstore.ui.api.AdminApi;
import io.artstore.ui.api.RestClients;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * Downloads through query-module with the user's token, streamed to the browser without
 * buffering: Range/If-Range/If-None-Match go up, status and content headers come back.
 */
public class QueryDownloads {

    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.RANGE, HttpHeaders.IF_RANGE,
            HttpHeaders.IF_NONE_MATCH);
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_RANGE, HttpHeaders.ACCEPT_RANGES, HttpHeaders.ETAG,
            HttpHeaders.LAST_MODIFIED);

    private final RestClient query;
    private final RestClients clients;
    private final AdminApi api;

    public QueryDownloads(RestClients clients, AdminApi api) {
        this.query = clients.query();
        this.clients = clients;
        this.api = api;
    }

    public void stream(String fileId, HttpServletRequest request, HttpServletResponse response) {
        api.call(token -> query.get().uri("/api/v1/files/{id}/download", fileId)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    for (String name : REQUEST_HEADERS) {
                        String value = request.getHeader(name);
                        if (value != null) {
                            headers.set(name, value);
                        }
                    }
                })
                .exchange((clientRequest, upstream) -> {
                    int status = upstream.getStatusCode().value();
                    if (status >= 400 && status != 416) {
                        throw clients.error(status, upstream.getBody());
                    }
                    response.setStatus(status);
                    for (String name : RESPONSE_HEADERS) {
                        String value = upstream.getHeaders().getFirst(name);
                        if (value != null) {
                            response.setHeader(name, value);
                        }
                    }
                    response.setHeader("X-Content-Type-Options", "nosniff");
                    try (InputStream in = upstream.getBody(); OutputStream out = response.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    return Boolean.TRUE;
                }));
    }
}
