package io.artstore.query.download;

import java.util.UUID;

import org.springframework.http.HttpHeaders;

/**
 * A client's download request: the file and the range/conditional headers passed through to
 * the storage element unchanged (each may be null).
 */
public record DownloadRequest(UUID fileId, String range, String ifRange, String ifNoneMatch) {

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
