package io.artstore.query.download;

import java.util.UUID;

import org.springframework.http.HttpHeaders;

/**
 * A client's download request: the file, the range/conditional headers passed through to the
 * storage element unchanged (each may be null), and whether the body is wanted ({@code false}
 * for {@code HEAD}: status and headers only).
 */
public record DownloadRequest(UUID fileId, String range, String ifRange, String ifNoneMatch, boolean bodyWanted) {

    HttpHeaders passThroughHeaders() {
        HttpHeaders headers = new HttpHeaders();
        if (range != null) {
            headers.set(HttpHeaders.RANGE, range);
        }
        if (ifRange != null) {
            headers.set(HttpHeaders.IF_RANGE, ifRange);
        }
        if (ifNoneMatch != null) {
            headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return headers;
    }
}
