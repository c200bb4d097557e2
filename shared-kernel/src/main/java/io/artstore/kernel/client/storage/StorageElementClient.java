package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import io.artstore.kernel.client.ClientProperties;
import io.artstore.kernel.client.TrustBundle;
import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.error.ApiErrors;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.paging.Page;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one client of the storage-element API, shared by admin-module, ingester and query:
 * TLS against a configured trust bundle, bounded timeouts, the caller's service token,
 * streaming uploads and downloads, and SE errors turned into exceptions that keep the SE's
 * status and code (507 {@code STORAGE_FULL} included). An unreachable SE, or one answering
 * any other 5xx, is a 502 {@code SE_UNAVAILABLE}.
 * File bodies (uploads and downloads) travel on their own pool of blocking TLS connections
 * ({@link FileConnections}); the small JSON calls use the JDK client through {@code RestClient}.
 */
public class StorageElementClient implements AutoCloseable {

    private static final ParameterizedTypeReference<Page<SeFileMetadata>> FILE_PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;
    private final ServiceTokenProvider tokens;
    private final JsonMapper json;
    private final FileConnections files;

    public StorageElementClient(RestClient.Builder builder, ClientProperties properties, ServiceTokenProvider tokens,
                                JsonMapper json) {
        SslBundle trust = TrustBundle.sslBundle(properties.seCaCertPath());
        SSLContext tls = trust.createSslContext();
        HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW,
                properties.seConnectTimeout(), properties.seTimeout(), trust);
        this.rest = builder.clone().requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings)).build();
        this.tokens = tokens;
        this.json = json;
        this.files = new FileConnections(tls, properties.seConnectTimeout(), properties.seTimeout());
    }

    /** {@code GET /api/v1/info}: identity, mode, status and capacity. Needs no token. */
    public SeStorageInfo info(String baseUrl) {
        return call(baseUrl, () -> rest.get().uri(url(baseUrl, "/api/v1/info"))
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> read(response, SeStorageInfo.class)));
    }

    /** One page of the SE's file listing ({@code GET /api/v1/files}). */
    public Page<SeFileMetadata> listFiles(String baseUrl, int limit, int offset, String status) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(url(baseUrl, "/api/v1/files"))
                .queryParam("limit", limit).queryParam("offset", offset);
        if (status != null) {
            uri.queryParam("status", status);
        }
        return call(baseUrl, () -> rest.get().uri(uri.build().toUri())
                .headers(this::authorize)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> read(response, FILE_PAGE)));
    }

    public SeFileMetadata metadata(String baseUrl, UUID fileId) {
        return call(baseUrl, () -> rest.get().uri(url(baseUrl, "/api/v1/files/" + fileId))
                .headers(this::authorize)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> read(response, SeFileMetadata.class)));
    }

    /** {@code PATCH /api/v1/files/{id}} with description and/or tags. */
    public SeFileMetadata updateMetadata(String baseUrl, UUID fileId, Map<String, Object> changes) {
        return call(baseUrl, () -> rest.patch().uri(url(baseUrl, "/api/v1/files/" + fileId))
                .headers(this::authorize)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(changes))
                .exchange((request, response) -> read(response, SeFileMetadata.class)));
    }

    /** Soft delete on the SE ({@code DELETE /api/v1/files/{id}}). */
    public void delete(String baseUrl, UUID fileId) {
        call(baseUrl, () -> rest.delete().uri(url(baseUrl, "/api/v1/files/" + fileId))
                .headers(this::authorize)
                .exchange((request, response) -> {
                    failOnError(response);
                    return null;
                }));
    }

    /** {@code POST /api/v1/mode/transition}; SE refusals (409 codes) come back as {@link StorageElementException}. */
    public SeModeTransition transition(String baseUrl, String targetMode, boolean confirm) {
        String body = json.writeValueAsString(Map.of("target_mode", targetMode, "confirm", confirm));
        return call(baseUrl, () -> rest.post().uri(url(baseUrl, "/api/v1/mode/transition"))
                .headers(this::authorize)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> read(response, SeModeTransition.class)));
    }

    /**
     * Streams a file to the SE as a multipart upload: the bytes flow from {@code content} to the
     * SE through a fixed buffer, never held whole in memory or on disk. An answer the SE gives
     * before the whole body arrived (507 {@code STORAGE_FULL}, 413 {@code FILE_TOO_LARGE}) ends
     * the upload and comes back as a {@link StorageElementException}. An SE that takes no more
     * of the body, or gives no answer, for the SE timeout is a 502 {@code SE_UNAVAILABLE}.
     */
    public SeFileMetadata upload(String baseUrl, SeUpload upload, InputStream content) {
        MultipartStream multipart = new MultipartStream();
        String tags = upload.tags() == null ? null : json.writeValueAsString(upload.tags());
        HttpHeaders headers = new HttpHeaders();
        authorize(headers);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        try {
            return files.post(URI.create(url(baseUrl, "/api/v1/files/upload")), headers, multipart.contentType(),
                    out -> multipart.write(out, upload, tags, content),
                    (status, body) -> read(status, body, SeFileMetadata.class));
        } catch (IOException ex) {
            throw unavailable(baseUrl, "failed during the upload: " + ex.getMessage(), ex);
        } catch (JacksonException ex) {
            throw unavailable(baseUrl, "sent an unreadable answer", ex);
        }
    }

    /**
     * Stores a copy of a file that another SE holds ({@code POST /api/v1/files/{id}/copy}, for
     * admin-module's replication): a multipart body whose {@code metadata} field is the
     * original's metadata as JSON (its checksum is the one the SE verifies before committing),
     * followed by the {@code file} part streamed from {@code content} through a fixed buffer.
     * The SE's refusals ({@code CHECKSUM_MISMATCH}, {@code MODE_NOT_ALLOWED}, {@code CONFLICT},
     * {@code STORAGE_FULL}) come back as a {@link StorageElementException}.
     */
    public SeFileMetadata storeCopy(String baseUrl, SeFileMetadata original, InputStream content) {
        MultipartStream multipart = new MultipartStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("metadata", json.writeValueAsString(original));
        HttpHeaders headers = new HttpHeaders();
        authorize(headers);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        try {
            return files.post(URI.create(url(baseUrl, "/api/v1/files/" + original.fileId() + "/copy")), headers,
                    multipart.contentType(),
                    out -> multipart.write(out, fields, original.originalFilename(), original.contentType(), content),
                    (status, body) -> read(status, body, SeFileMetadata.class));
        } catch (IOException ex) {
            throw unavailable(baseUrl, "failed while receiving a copy: " + ex.getMessage(), ex);
        } catch (JacksonException ex) {
            throw unavailable(baseUrl, "sent an unreadable answer", ex);
        }
    }

    /**
     * Opens a download, passing the given request headers (Range, If-Range, If-None-Match)
     * through. Any status the SE answers (200, 206, 304, 404, 416, ...) is returned, not
     * thrown; only an unreachable SE or a 5xx is an exception. The caller closes the result.
     */
    public SeDownload download(String baseUrl, UUID fileId, HttpHeaders passThrough) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(passThrough);
        authorize(headers);
        SeDownload download;
        try {
            download = files.open(URI.create(url(baseUrl, "/api/v1/files/" + fileId + "/download")), headers);
        } catch (IOException ex) {
            throw unavailable(baseUrl, "is unreachable", ex);
        }
        if (download.status() >= 500) {
            download.close();
            throw unavailable(baseUrl, "answered " + download.status(), null);
        }
        return download;
    }

    @Override
    public void close() throws IOException {
        files.close();
    }

    private void authorize(HttpHeaders headers) {
        headers.setBearerAuth(tokens.accessToken());
    }

    private <T> T read(ClientHttpResponse response, Class<T> type) throws IOException {
        return read(response.getStatusCode().value(), response.getBody(), type);
    }

    private <T> T read(int status, InputStream body, Class<T> type) throws IOException {
        failOnError(status, body);
        return json.readValue(body, type);
    }

    private <T> T read(ClientHttpResponse response, ParameterizedTypeReference<T> type) throws IOException {
        failOnError(response);
        return json.readValue(response.getBody(), json.constructType(type.getType()));
    }

    private void failOnError(ClientHttpResponse response) throws IOException {
        failOnError(response.getStatusCode().value(), response.getBody());
    }

    /**
     * Returns on success. A 4xx answer, or 507 (the SE is full: the caller may go elsewhere), is
     * thrown as the SE's error with its code from the body; any other 5xx is {@code SE_UNAVAILABLE}.
     */
    private void failOnError(int statusCode, InputStream answer) throws IOException {
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null || status.is5xxServerError() && status != HttpStatus.INSUFFICIENT_STORAGE) {
            throw new ApiException(ErrorCode.SE_UNAVAILABLE, "Storage element failed (HTTP " + statusCode + ")");
        }
        if (!status.isError()) {
            return;
        }
        ApiError.Detail error = ApiErrors.read(status.value(), answer).error();
        String message = error.message() != null ? error.message() : "Storage element answered " + status.value();
        throw new StorageElementException(status, ApiErrors.code(error, status.value()), error.code(), message);
    }

    private static <T> T call(String baseUrl, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ResourceAccessException ex) {
            throw unavailable(baseUrl, "is unreachable", ex);
        } catch (RestClientException ex) {
            throw unavailable(baseUrl, "sent an unreadable answer", ex);
        }
    }

    private static ApiException unavailable(String baseUrl, String what, Throwable cause) {
        return new ApiException(ErrorCode.SE_UNAVAILABLE, "Storage element " + what, cause);
    }

    private static String url(String baseUrl, String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
