package io.artstore.storage.files;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.contract.StorageOperation;
import io.artstore.kernel.contract.UploadForm;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.multipart.MultipartReader;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageNames;
import io.artstore.storage.config.StorageProperties;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.store.FileStore;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Streaming multipart upload with the kernel's {@link MultipartReader}: form fields are
 * read as they come (small, bounded), the file part is streamed straight to disk under
 * the WAL — never buffered in memory or in a framework temp file. Fields after the file
 * part are accepted too; if they turn out invalid the staged file is discarded.
 */
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    static final String FILE_FIELD = "file";
    static final String UPLOADED_BY = "uploaded_by";
    /** The TTL of a temporary file sent without {@code ttl_days}. */
    static final int DEFAULT_TTL_DAYS = 30;
    /** Room for boundaries, part headers and form fields on top of the file itself. */
    static final long FORM_OVERHEAD = 256 * 1024;
    /** Longest original file name: what the file registry (admin-module) accepts, so every file here can be synced. */
    private static final int MAX_FILENAME_LENGTH = 1000;
    private static final int MAX_CONTENT_TYPE_LENGTH = 255;

    private final FileStore store;
    private final ModeService modes;
    private final CapacityService capacity;
    private final StorageMetrics metrics;
    private final Clock clock;
    private final long maxFileSize;

    UploadService(FileStore store, ModeService modes, CapacityService capacity, StorageMetrics metrics,
                  Clock clock, StorageProperties properties) {
        this.store = store;
        this.modes = modes;
        this.capacity = capacity;
        this.metrics = metrics;
        this.clock = clock;
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    /**
     * @param uploader who is uploading: the caller, or — for a service account uploading on a
     *                 user's behalf (the ingester) — the user named in the {@code uploaded_by} field
     */
    public FileAttributes upload(HttpServletRequest request, Uploader uploader) {
        try {
            FileAttributes stored = doUpload(request, uploader);
            metrics.uploaded(stored.size());
            log.info("Stored file {} ({} bytes) for {} as {}", stored.fileId(), stored.size(), stored.uploadedBy(),
                    stored.storageFilename());
            return stored;
        } catch (ApiException ex) {
            metrics.uploadFailed(ex.code().name().toLowerCase(Locale.ROOT));
            throw ex;
        }
    }

    private FileAttributes doUpload(HttpServletRequest request, Uploader uploader) {
        modes.require(StorageOperation.UPLOAD);
        StorageMode mode = modes.current();
        MultipartReader reader = MultipartReader.of(request);
        long contentLength = request.getContentLengthLong();
        if (contentLength > maxFileSize + FORM_OVERHEAD) {
            throw new ApiException(ErrorCode.FILE_TOO_LARGE, "File exceeds the size limit of " + maxFileSize + " bytes");
        }
        if (contentLength > FORM_OVERHEAD) {
            capacity.ensureRoomFor(contentLength - FORM_OVERHEAD);
        }
        Map<String, String> fields = new HashMap<>();
        FileStore.StagedUpload staged = null;
        PendingFile pending = null;
        try {
            for (MultipartReader.Part part; (part = reader.next()) != null; ) {
                String name = part.name();
                if (FILE_FIELD.equals(name)) {
                    if (!part.isFile()) {
                        throw ApiException.validation("file: must be a file part with a filename");
                    }
                    if (pending != null) {
                        throw ApiException.validation("file: exactly one file per upload");
                    }
                    form(fields, mode); // fail fast on fields sent before the file
                    pending = pendingFile(part, uploader.resolve(fields.get(UPLOADED_BY)));
                    // Not closed on failure on purpose: closing would drain the rest of an oversized part.
                    InputStream in = part.stream();
                    staged = store.stage(pending.fileId(), pending.storageFilename(), in, maxFileSize);
                } else if (UPLOADED_BY.equals(name) && pending != null) {
                    throw ApiException.validation("uploaded_by: must come before the file part");
                } else if (name == null || !(UploadForm.FIELDS.contains(name) || UPLOADED_BY.equals(name))) {
                    throw ApiException.validation("Unknown form field '" + (name == null ? "" : name) + "'");
                } else if (part.isFile()) {
                    throw ApiException.validation(name + ": must be a plain form field");
                } else if (fields.containsKey(name)) {
                    throw ApiException.validation(name + ": given more than once");
                } else {
                    fields.put(name, part.text());
                }
            }
            if (staged == null) {
                throw ApiException.validation("file: the 'file' part is required");
            }
            UploadForm form = form(fields, mode);
            FileAttributes attributes = attributes(pending, staged, form);
            FileStore.StagedUpload committing = staged;
            staged = null;
            return store.commitUpload(committing, attributes);
        } catch (UncheckedIOException | FileStore.UploadInterruptedException ex) {
            throw ApiException.validation("Malformed or incomplete multipart body");
        } finally {
            if (staged != null) {
                store.discard(staged);
                capacity.release(staged.reserved());
            }
        }
    }

    /** The form fields; without a retention policy an {@code edit} SE stores temporary files, any other mode permanent ones. */
    private static UploadForm form(Map<String, String> fields, StorageMode mode) {
        return UploadForm.read(fields, mode == StorageMode.EDIT ? RetentionPolicy.TEMPORARY : RetentionPolicy.PERMANENT,
                DEFAULT_TTL_DAYS, Set.of(UPLOADED_BY));
    }

    private record PendingFile(UUID fileId, String originalFilename, String contentType, Instant uploadedAt,
                               String uploadedBy, String storageFilename) {
    }

    private PendingFile pendingFile(MultipartReader.Part part, String uploadedBy) {
        String originalFilename = part.fileName();
        if (originalFilename == null || originalFilename.isBlank()) {
            throw ApiException.validation("file: a file name is required");
        }
        if (originalFilename.length() > MAX_FILENAME_LENGTH) {
            throw ApiException.validation("file: the file name must be at most " + MAX_FILENAME_LENGTH + " characters");
        }
        UUID fileId = UUID.randomUUID();
        Instant uploadedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new PendingFile(fileId, originalFilename, contentType(part.contentType()), uploadedAt, uploadedBy,
                StorageNames.build(originalFilename, uploadedBy, uploadedAt, fileId));
    }

    private static FileAttributes attributes(PendingFile file, FileStore.StagedUpload staged, UploadForm form) {
        Instant expiresAt = form.ttlDays() == null ? null : file.uploadedAt().plus(Duration.ofDays(form.ttlDays()));
        return new FileAttributes(file.fileId(), file.originalFilename(), file.contentType(), staged.size(),
                staged.checksum(), file.uploadedBy(), file.uploadedAt(), form.description(), form.tags(), FileStatus.ACTIVE,
                form.retentionPolicy(), form.ttlDays(), expiresAt, file.storageFilename(), null, null, file.uploadedAt());
    }

    static String contentType(String declared) {
        if (declared == null || declared.isBlank() || declared.length() > MAX_CONTENT_TYPE_LENGTH) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            MediaType type = MediaType.parseMediaType(declared.trim());
            return type.isConcrete() ? type.toString() : MediaType.APPLICATION_OCTET_STREAM_VALUE;
        } catch (InvalidMediaTypeException ex) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
