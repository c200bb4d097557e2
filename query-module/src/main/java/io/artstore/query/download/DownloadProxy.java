package io.artstore.query.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.client.storage.SeDownload;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.query.download.DownloadMetrics.Result;
import io.artstore.query.metadata.MetadataService;
import io.artstore.query.schema.SearchSchema;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Streams a file from the storage element that holds it to the client.
 *
 * <ul>
 *   <li>The storage element's URL comes from the registry and is never shown to the client.</li>
 *   <li>{@code Range}, {@code If-Range} and {@code If-None-Match} go to the storage element as
 *       sent; its status (200, 206, 304, 416, ...) and its {@code Content-Type},
 *       {@code Content-Length}, {@code Content-Range}, {@code Content-Disposition}, {@code ETag},
 *       {@code Accept-Ranges}, {@code Last-Modified} and {@code Cache-Control} come back.</li>
 *   <li>The body flows through a fixed {@value #BUFFER_SIZE}-byte buffer; no file is held whole.</li>
 *   <li>A 404 from the storage element means the file is gone there (the storage element is
 *       the source of truth): the registry row becomes {@code deleted}, the cached metadata is
 *       evicted, and the client gets 404 (lazy cleanup).</li>
 *   <li>An unreachable or failing storage element is a 502 {@code SE_UNAVAILABLE}.</li>
 * </ul>
 * Calls use query-module's own service-account token, never the caller's.
 */
public class DownloadProxy {

    static final int BUFFER_SIZE = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DownloadProxy.class);

    private static final List<String> RELAYED_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_RANGE,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.ETAG, HttpHeaders.ACCEPT_RANGES,
            HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL);

    /** Private to the caller, revalidated with the ETag before reuse. */
    private static final String DEFAULT_CACHE_CONTROL = "private, no-cache";

    private final FileLocator locator;
    private final StorageElementClient storageElements;
    private final MetadataService metadata;
    private final SearchSchema schema;
    private final DownloadMetrics metrics;

    public DownloadProxy(FileLocator locator, StorageElementClient storageElements, MetadataService metadata,
                         SearchSchema schema, DownloadMetrics metrics) {
        this.locator = locator;
        this.storageElements = storageElements;
        this.metadata = metadata;
        this.schema = schema;
        this.metrics = metrics;
    }

    public void download(DownloadRequest request, HttpServletResponse response) {
        UUID fileId = request.fileId();
        FileLocation location = schema.whenReady(() -> locator.find(fileId)).filter(FileLocation::active).orElseThrow(() -> {
            metrics.download(Result.NOT_FOUND);
            return notFound(fileId);
        });
        SeDownload download;
        try {
            download = storageElements.download(location.storageElementUrl(), fileId, request.passThroughHeaders());
        } catch (ApiException ex) {
            metrics.download(Result.SE_UNAVAILABLE);
            throw ex;
        }
        try (download) {
            int status = download.status();
            if (status == HttpServletResponse.SC_NOT_FOUND) {
                lazyCleanup(fileId);
                metrics.download(Result.NOT_FOUND);
                throw notFound(fileId);
            }
            if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
                log.error("Storage element refused query-module's service token (HTTP {}) for file {}", status, fileId);
                metrics.download(Result.SE_UNAVAILABLE);
                throw new ApiException(ErrorCode.SE_UNAVAILABLE, "Storage element refused query-module's credentials");
            }
            relay(download, status, request.bodyWanted(), response);
        }
    }

    private void lazyCleanup(UUID fileId) {
        if (schema.whenReady(() -> locator.markDeleted(fileId))) {
            metrics.lazyCleanup();
            log.info("Lazy cleanup: storage element no longer has file {}; registry row marked deleted", fileId);
        }
        metadata.evict(fileId);
    }

    private void relay(SeDownload download, int status, boolean bodyWanted, HttpServletResponse response) {
        response.setStatus(status);
        HttpHeaders headers = download.headers();
        for (String name : RELAYED_HEADERS) {
            String value = headers.getFirst(name);
            if (value != null) {
                response.setHeader(name, value);
            }
        }
        if (headers.getFirst(HttpHeaders.CACHE_CONTROL) == null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, DEFAULT_CACHE_CONTROL);
        }
        Result result = status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_PARTIAL_CONTENT
                ? Result.SUCCESS
                : status == HttpServletResponse.SC_NOT_MODIFIED ? Result.NOT_MODIFIED : Result.REJECTED;
        if (status == HttpServletResponse.SC_NOT_MODIFIED || !bodyWanted) {
            metrics.download(result);
            return;
        }
        if (copy(download, response)) {
            metrics.download(result);
        } else {
            metrics.download(Result.ABORTED);
        }
    }

    /**
     * Copies the body; false when the client went away. A storage-element failure before
     * anything was sent is a 502; after that, {@link DownloadAbortedException} cuts the
     * connection.
     */
    private boolean copy(SeDownload download, HttpServletResponse response) {
        byte[] buffer = new byte[BUFFER_SIZE];
        long copied = 0;
        try {
            InputStream in; // closed with the download by the caller
            try {
                in = download.body();
            } catch (IOException ex) {
                return storageElementFailed(response, copied, ex);
            }
            OutputStream out;
            try {
                out = response.getOutputStream();
            } catch (IOException ex) {
                log.debug("Client went away before the download started", ex);
                return false;
            }
            while (true) {
                int read;
                try {
                    // Whole buffers: the HTTP client hands out one TLS record (<= 16 KiB) per read,
                    // and each write to the servlet response is a socket write of its own.
                    read = in.readNBytes(buffer, 0, buffer.length);
                } catch (IOException ex) {
                    return storageElementFailed(response, copied, ex);
                }
                if (read == 0) {
                    break;
                }
                try {
                    out.write(buffer, 0, read);
                } catch (IOException ex) {
                    log.debug("Client went away after {} bytes", copied, ex);
                    return false;
                }
                copied += read;
            }
            try {
                out.flush();
            } catch (IOException ex) {
                log.debug("Client went away at the end of the download", ex);
                return false;
            }
            return true;
        } finally {
            metrics.bytes(copied);
        }
    }

    private boolean storageElementFailed(HttpServletResponse response, long copied, IOException ex) {
        if (!response.isCommitted()) {
            response.reset();
            metrics.download(Result.SE_UNAVAILABLE);
            throw new ApiException(ErrorCode.SE_UNAVAILABLE, "Storage element failed while sending the file", ex);
        }
        metrics.download(Result.ABORTED);
        log.warn("Storage element failed after {} bytes of a download; dropping the client connection", copied, ex);
        // no cause attached: Spring MVC would take an EOF cause for a vanished client and finish the response
        throw new DownloadAbortedException("Storage element failed after " + copied + " bytes of a download");
    }

    private static ApiException notFound(UUID fileId) {
        return ApiException.notFound("File " + fileId + " not found");
    }
}
