package io.artstore.storage.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.StorageOperation;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.store.FileStore;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Streaming download with conditional and range requests: {@code If-None-Match} → 304,
 * {@code If-Range} (entity tag or date) decides whether {@code Range} applies, one byte
 * range → 206, unsatisfiable → 416 with {@code Content-Range: bytes *&#47;size}. The body is
 * copied from a {@link FileChannel} in large chunks; memory use does not depend on size.
 */
public class DownloadService {

    private static final Logger log = LoggerFactory.getLogger(DownloadService.class);

    private final FileIndex index;
    private final StorageLayout layout;
    private final ModeService modes;
    private final StorageMetrics metrics;

    DownloadService(FileIndex index, StorageLayout layout, ModeService modes, StorageMetrics metrics) {
        this.index = index;
        this.layout = layout;
        this.modes = modes;
        this.metrics = metrics;
    }

    /** Conditional request headers of a download. */
    public record Conditions(String range, String ifNoneMatch, String ifRange) {
    }

    public void download(UUID fileId, Conditions conditions, HttpServletResponse response) throws IOException {
        modes.require(StorageOperation.DOWNLOAD);
        FileAttributes file = index.get(fileId).orElseThrow(() -> ApiException.notFound("File not found"));
        if (file.status() != FileStatus.ACTIVE) {
            throw ApiException.notFound("File is " + file.status().value());
        }
        if (file.corrupt()) {
            // the scrub found these bytes damaged: another copy must serve them
            throw new ApiException(ErrorCode.COPY_CORRUPT, "This copy of the file is corrupt");
        }
        String etag = "\"" + file.checksum() + "\"";
        long size = file.size();
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, file.uploadedAt().toEpochMilli());
        if (matchesAny(conditions.ifNoneMatch(), etag)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        ByteRange range = rangeApplies(conditions.ifRange(), etag, file.uploadedAt())
                ? ByteRange.parse(conditions.range(), size) : ByteRange.full(size);
        if (range.kind() == ByteRange.Kind.INVALID || range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
            boolean invalid = range.kind() == ByteRange.Kind.INVALID;
            throw new ApiException(invalid ? ErrorCode.INVALID_RANGE : ErrorCode.RANGE_NOT_SATISFIABLE,
                    HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    invalid ? "Malformed Range header" : "Requested range is outside the file (size " + size + ")",
                    headers, null);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(layout.dataFile(file.storageFilename()), StandardOpenOption.READ);
        } catch (NoSuchFileException ex) {
            throw ApiException.notFound("File data is missing on this storage element");
        }
        try (channel) {
            boolean partial = range.kind() == ByteRange.Kind.PARTIAL;
            response.setStatus(partial ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
            if (partial) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + range.start() + "-" + range.end() + "/" + size);
            }
            response.setContentType(file.contentType());
            response.setContentLengthLong(size == 0 ? 0 : range.length());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(file.originalFilename()));
            long sent = copy(channel, size == 0 ? 0 : range.start(), size == 0 ? 0 : range.length(), response);
            metrics.downloaded(sent, partial);
        }
    }

    private long copy(FileChannel channel, long position, long length, HttpServletResponse response) {
        long sent = 0;
        try {
            OutputStream out = response.getOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(FileStore.BUFFER_SIZE);
            while (sent < length) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), length - sent));
                int read = channel.read(buffer, position + sent);
                if (read < 0) {
                    throw new IOException("File shorter than recorded");
                }
                out.write(buffer.array(), 0, read);
                sent += read;
            }
            out.flush();
            return sent;
        } catch (IOException ex) {
            // The client went away or the file shrank; headers are out, nothing more to tell the client.
            log.debug("Download interrupted after {} bytes: {}", sent, ex.getMessage());
            metrics.downloadFailed("interrupted", sent);
            return sent;
        }
    }

    static boolean matchesAny(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** {@code If-Range}: the range applies only if the entity tag matches strongly or the date is not older. */
    static boolean rangeApplies(String ifRange, String etag, Instant lastModified) {
        if (ifRange == null || ifRange.isBlank()) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        try {
            Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !date.isBefore(lastModified.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException ex) {
            return false;
        }
    }
}
