package io.artstore.query.download;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.artstore.kernel.client.storage.SeDownload;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.error.ApiErrors;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.query.download.DownloadMetrics.FailoverReason;
import io.artstore.query.download.DownloadMetrics.Result;
import io.artstore.query.metadata.MetadataService;
import io.artstore.query.schema.SearchSchema;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;

/**
 * Streams a file to the client from one of the storage elements holding a copy of it.
 *
 * <ul>
 *   <li>The candidates are the file's {@code ok} copies on storage elements whose mode allows
 *       downloads (not {@code ar}), tried in {@link LatencyRanking} order: online SEs first, then
 *       the one that answered fastest recently. Their URLs come from the registry and are never
 *       shown to the client.</li>
 *   <li>Failover: a copy whose SE is unreachable, answers 5xx, refuses query's token, answers
 *       404 or 409 {@code COPY_CORRUPT}, or breaks off before anything reached the client, is
 *       passed over for the next copy. A 404 marks that copy {@code missing}, {@code COPY_CORRUPT}
 *       marks it {@code corrupt} (the SE is the source of truth about its copy). Once a byte is
 *       out, the status and headers are too: an SE failing then drops the client connection.</li>
 *   <li>{@code Range}, {@code If-Range} and {@code If-None-Match} go to the SE as sent; its
 *       status (200, 206, 304, 416, ...) and its {@code Content-Type}, {@code Content-Length},
 *       {@code Content-Range}, {@code Content-Disposition}, {@code ETag}, {@code Accept-Ranges},
 *       {@code Last-Modified} and {@code Cache-Control} come back. Those are answers, not failures.</li>
 *   <li>The body flows through a fixed {@value #BUFFER_SIZE}-byte buffer; no file is held whole.</li>
 *   <li>Every copy failed: all answered 404 → the file becomes {@code deleted} when no copy of
 *       it is left that is {@code ok}, {@code pending} or {@code corrupt} (lazy cleanup), the
 *       cached metadata is evicted, and the client gets 404; otherwise 502 {@code SE_UNAVAILABLE}.</li>
 * </ul>
 * Calls use query-module's own service-account token, never the caller's.
 */
public class DownloadProxy {

    static final int BUFFER_SIZE = 64 * 1024;

    /** Error bodies are a few hundred bytes; anything longer is not the common format anyway. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DownloadProxy.class);

    private static final List<String> RELAYED_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_RANGE,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.ETAG, HttpHeaders.ACCEPT_RANGES,
            HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL);

    /** Private to the caller, revalidated with the ETag before reuse. */
    private static final String DEFAULT_CACHE_CONTROL = "private, no-cache";

    private final FileLocator locator;
    private final LatencyRanking ranking;
    private final StorageElementClient storageElements;
    private final ServiceTokenProvider tokens;
    private final MetadataService metadata;
    private final SearchSchema schema;
    private final DownloadMetrics metrics;

    public DownloadProxy(FileLocator locator, LatencyRanking ranking, StorageElementClient storageElements,
                         ServiceTokenProvider tokens, MetadataService metadata, SearchSchema schema,
                         DownloadMetrics metrics) {
        this.locator = locator;
        this.ranking = ranking;
        this.storageElements = storageElements;
        this.tokens = tokens;
        this.metadata = metadata;
        this.schema = schema;
        this.metrics = metrics;
    }

    public void download(DownloadRequest request, HttpServletResponse response) {
        UUID fileId = request.fileId();
        FileLocation location = schema.whenReady(() -> locator.find(fileId)).filter(FileLocation::active)
                .orElseThrow(() -> {
                    metrics.download(Result.NOT_FOUND);
                    return notFound(fileId);
                });
        if (location.copies().isEmpty()) {
            if (!location.anyCopyAlive()) {
                metrics.download(Result.NOT_FOUND);
                throw notFound(fileId);
            }
            metrics.download(Result.SE_UNAVAILABLE);
            throw new ApiException(ErrorCode.SE_UNAVAILABLE, "No copy of the file can be downloaded at the moment");
        }
        requireServiceToken();
        List<CopyLocation> copies = ranking.order(location.copies());
        Set<FailoverReason> failures = EnumSet.noneOf(FailoverReason.class);
        for (int i = 0; i < copies.size(); i++) {
            CopyLocation copy = copies.get(i);
            FailoverReason failure = attempt(copy, request, response);
            if (failure == null) {
                return;
            }
            failures.add(failure);
            if (i + 1 < copies.size()) {
                metrics.failover(failure);
                log.warn("Download of file {}: the copy on storage element {} failed ({}); trying the next copy",
                        fileId, copy.storageElementId(), failure.name().toLowerCase(Locale.ROOT));
            }
        }
        allCopiesFailed(fileId, failures, copies.size());
    }

    /**
     * A missing or failing service token is query-module's problem, not a storage element's:
     * checked once up front, so it neither moves through the copies nor counts against their
     * latency (the provider caches the token, so the call per SE that follows is free).
     */
    private void requireServiceToken() {
        try {
            tokens.accessToken();
        } catch (ApiException ex) {
            metrics.download(Result.SE_UNAVAILABLE);
            throw ex;
        }
    }

    /** Serves the download from one copy; null when done (answered, or aborted), else why the copy failed. */
    private FailoverReason attempt(CopyLocation copy, DownloadRequest request, HttpServletResponse response) {
        UUID fileId = request.fileId();
        long started = System.nanoTime();
        SeDownload download;
        try {
            download = storageElements.download(copy.url(), fileId, request.passThroughHeaders());
        } catch (ApiException ex) {
            ranking.failed(copy.storageElementId(), System.nanoTime() - started);
            log.debug("Storage element {} could not serve file {}", copy.storageElementId(), fileId, ex);
            return FailoverReason.UNAVAILABLE;
        }
        ranking.answered(copy.storageElementId(), System.nanoTime() - started);
        try (download) {
            int status = download.status();
            if (status == HttpServletResponse.SC_NOT_FOUND) {
                markCopy(fileId, copy, CopyStatus.MISSING);
                return FailoverReason.MISSING;
            }
            if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
                log.error("Storage element {} refused query-module's service token (HTTP {}) for file {}",
                        copy.storageElementId(), status, fileId);
                return FailoverReason.UNAVAILABLE;
            }
            Body body = download::body;
            if (status == HttpServletResponse.SC_CONFLICT) {
                byte[] error = errorBody(download);
                ErrorCode code = ApiErrors.code(ApiErrors.read(status, error).error(), status);
                if (code == ErrorCode.COPY_CORRUPT) {
                    markCopy(fileId, copy, CopyStatus.CORRUPT);
                    return FailoverReason.CORRUPT;
                }
                if (code == ErrorCode.MODE_NOT_ALLOWED) {
                    // the SE went to a mode without downloads and the registry has not caught up yet
                    log.warn("Storage element {} does not serve downloads in its current mode (file {})",
                            copy.storageElementId(), fileId);
                    return FailoverReason.UNAVAILABLE;
                }
                body = () -> new ByteArrayInputStream(error);
            }
            if (relay(download, status, body, request.bodyWanted(), response)) {
                return null;
            }
            ranking.failed(copy.storageElementId(), System.nanoTime() - started);
            return FailoverReason.UNAVAILABLE;
        }
    }

    private void allCopiesFailed(UUID fileId, Set<FailoverReason> failures, int tried) {
        if (failures.equals(EnumSet.of(FailoverReason.MISSING))) {
            lazyCleanup(fileId);
            metrics.download(Result.NOT_FOUND);
            throw notFound(fileId);
        }
        metrics.download(Result.SE_UNAVAILABLE);
        throw new ApiException(ErrorCode.SE_UNAVAILABLE, failures.contains(FailoverReason.UNAVAILABLE)
                ? "No storage element holding the file could serve it (" + tried + " tried)"
                : "No healthy copy of the file is available");
    }

    /** What the SE said about its copy goes to the registry; a failed write must not stop the download. */
    private void markCopy(UUID fileId, CopyLocation copy, CopyStatus status) {
        try {
            if (locator.markCopy(fileId, copy.storageElementId(), status)) {
                log.warn("Storage element {} reports its copy of file {} as {}: copy marked {} in the registry",
                        copy.storageElementId(), fileId, status == CopyStatus.MISSING ? "not found" : "corrupt",
                        status.value());
            }
        } catch (DataAccessException ex) {
            log.warn("Could not mark the copy of file {} on storage element {} {}", fileId, copy.storageElementId(),
                    status.value(), ex);
        }
    }

    private void lazyCleanup(UUID fileId) {
        try {
            if (locator.markDeletedIfNoCopyLeft(fileId)) {
                metrics.lazyCleanup();
                log.info("Lazy cleanup: no storage element has file {} any more; registry row marked deleted", fileId);
            }
        } catch (DataAccessException ex) {
            log.warn("Lazy cleanup of file {} failed", fileId, ex);
        }
        metadata.evict(fileId);
    }

    private static byte[] errorBody(SeDownload download) {
        try {
            return download.body().readNBytes(MAX_ERROR_BODY);
        } catch (IOException ex) {
            // the connection broke while the error was read: all that is known is the status
            return new byte[0];
        }
    }

    /**
     * Relays the answer; true when it is given (even if the client went away or the transfer
     * was cut), false when the SE failed before anything reached the client (the response is
     * reset, so another copy can answer instead).
     */
    private boolean relay(SeDownload download, int status, Body body, boolean bodyWanted,
                          HttpServletResponse response) {
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
            return true;
        }
        return switch (copy(body, response)) {
            case COMPLETE -> {
                metrics.download(result);
                yield true;
            }
            case CLIENT_GONE -> {
                metrics.download(Result.ABORTED);
                yield true;
            }
            case NOTHING_SENT -> false;
        };
    }

    private enum Copied { COMPLETE, CLIENT_GONE, NOTHING_SENT }

    /**
     * Copies the body. A storage-element failure before anything was sent resets the response
     * ({@link Copied#NOTHING_SENT}); after that, {@link DownloadAbortedException} cuts the connection.
     */
    private Copied copy(Body body, HttpServletResponse response) {
        byte[] buffer = new byte[BUFFER_SIZE];
        long copied = 0;
        Copied outcome = Copied.NOTHING_SENT;
        try {
            InputStream in; // closed with the download by the caller
            try {
                in = body.open();
            } catch (IOException ex) {
                return storageElementFailed(response, copied, ex);
            }
            OutputStream out;
            try {
                out = response.getOutputStream();
            } catch (IOException ex) {
                log.debug("Client went away before the download started", ex);
                return outcome = Copied.CLIENT_GONE;
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
                    return outcome = Copied.CLIENT_GONE;
                }
                copied += read;
            }
            try {
                out.flush();
            } catch (IOException ex) {
                log.debug("Client went away at the end of the download", ex);
                return outcome = Copied.CLIENT_GONE;
            }
            return outcome = Copied.COMPLETE;
        } finally {
            if (outcome != Copied.NOTHING_SENT) {
                // bytes of a reset response never left the server
                metrics.bytes(copied);
            }
        }
    }

    private Copied storageElementFailed(HttpServletResponse response, long copied, IOException ex) {
        if (!response.isCommitted()) {
            response.reset();
            log.warn("Storage element failed before anything of a download reached the client", ex);
            return Copied.NOTHING_SENT;
        }
        metrics.bytes(copied);
        metrics.download(Result.ABORTED);
        log.warn("Storage element failed after {} bytes of a download; dropping the client connection", copied, ex);
        // no cause attached: Spring MVC would take an EOF cause for a vanished client and finish the response
        throw new DownloadAbortedException("Storage element failed after " + copied + " bytes of a download");
    }

    private static ApiException notFound(UUID fileId) {
        return ApiException.notFound("File " + fileId + " not found");
    }

    /** Where the body comes from: the SE's stream, or an error body already read. */
    @FunctionalInterface
    private interface Body {
        InputStream open() throws IOException;
    }
}
