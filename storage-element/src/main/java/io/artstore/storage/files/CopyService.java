package io.artstore.storage.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.artstore.kernel.contract.ContractValues;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.MetadataRules;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.contract.StorageOperation;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.multipart.MultipartReader;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.attr.StorageNames;
import io.artstore.storage.config.StorageProperties;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.store.FileStore;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a copy of a file stored elsewhere (admin-module's replication): the original's
 * metadata in the {@code metadata} field, then the bytes, streamed through the upload's
 * WAL-guarded write path. Size and SHA-256 are checked before anything becomes visible: a
 * mismatch keeps nothing. Idempotent for the same checksum; replaces a copy marked corrupt.
 */
public class CopyService {

    private static final Logger log = LoggerFactory.getLogger(CopyService.class);

    static final String METADATA_FIELD = "metadata";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_FILENAME_LENGTH = 1000;
    private static final int MAX_USER_LENGTH = 255;

    private final FileStore store;
    private final FileIndex index;
    private final StorageLayout layout;
    private final ModeService modes;
    private final CapacityService capacity;
    private final StorageMetrics metrics;
    private final Clock clock;
    private final JsonMapper json;
    private final long maxFileSize;

    CopyService(FileStore store, FileIndex index, StorageLayout layout, ModeService modes, CapacityService capacity,
                StorageMetrics metrics, Clock clock, StorageProperties properties, JsonMapper json) {
        this.store = store;
        this.index = index;
        this.layout = layout;
        this.modes = modes;
        this.capacity = capacity;
        this.metrics = metrics;
        this.clock = clock;
        this.json = json;
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    /** The copy's metadata as stored, and whether this request stored it (false: it was already here). */
    public record Result(FileAttributes file, boolean created) {
    }

    /** The {@code metadata} field: the original's SeFileMetadata; its copy_status and verified_at are ignored. */
    record CopyMetadata(UUID fileId, String originalFilename, String contentType, Long size, String checksum,
                        String uploadedBy, Instant uploadedAt, String description, List<String> tags, String status,
                        String retentionPolicy, Integer ttlDays, Instant expiresAt, String copyStatus,
                        Instant verifiedAt, Instant updatedAt) {
    }

    public Result receive(UUID fileId, HttpServletRequest request) {
        try {
            Result result = doReceive(fileId, request);
            metrics.copyReceived(result.created() ? "stored" : "present", result.created() ? result.file().size() : 0);
            if (result.created()) {
                log.info("Stored copy of file {} ({} bytes) as {}", fileId, result.file().size(),
                        result.file().storageFilename());
            }
            return result;
        } catch (ApiException ex) {
            metrics.copyReceived(ex.code().name().toLowerCase(Locale.ROOT), 0);
            throw ex;
        }
    }

    private Result doReceive(UUID fileId, HttpServletRequest request) {
        modes.require(StorageOperation.UPLOAD);
        MultipartReader reader = MultipartReader.of(request);
        CopyMetadata metadata = null;
        FileAttributes present = null;
        boolean fileSeen = false;
        FileStore.StagedUpload staged = null;
        try {
            for (MultipartReader.Part part; (part = reader.next()) != null; ) {
                String name = part.name();
                if (METADATA_FIELD.equals(name)) {
                    if (fileSeen) {
                        throw ApiException.validation("metadata: must come before the file part");
                    }
                    if (metadata != null) {
                        throw ApiException.validation("metadata: given more than once");
                    }
                    if (part.isFile()) {
                        throw ApiException.validation("metadata: must be a plain form field");
                    }
                    metadata = parse(part.text(), fileId);
                } else if (UploadService.FILE_FIELD.equals(name)) {
                    if (metadata == null) {
                        throw ApiException.validation("metadata: the 'metadata' field must come before the file part");
                    }
                    if (fileSeen) {
                        throw ApiException.validation("file: exactly one file per copy");
                    }
                    if (!part.isFile()) {
                        throw ApiException.validation("file: must be a file part with a filename");
                    }
                    fileSeen = true;
                    FileAttributes existing = index.get(fileId).orElse(null);
                    if (existing != null && !replaceable(existing)) {
                        requireSameChecksum(existing, metadata);
                        drain(part.stream());
                        present = existing;
                    } else {
                        // a corrupt or lost copy is replaced under its own name, so no second sidecar of the id can appear
                        String storageFilename = existing != null ? existing.storageFilename()
                                : StorageNames.build(metadata.originalFilename(), metadata.uploadedBy(),
                                metadata.uploadedAt(), fileId);
                        capacity.ensureRoomFor(metadata.size());
                        staged = stage(fileId, storageFilename, part.stream(), metadata.size());
                        verify(staged, metadata);
                    }
                } else {
                    throw ApiException.validation("Unknown form field '" + (name == null ? "" : name) + "'");
                }
            }
            if (metadata == null) {
                throw ApiException.validation("metadata: the 'metadata' field is required");
            }
            if (!fileSeen) {
                throw ApiException.validation("file: the 'file' part is required");
            }
            if (present != null) {
                return new Result(present, false);
            }
            FileStore.StagedUpload committing = staged;
            CopyMetadata original = metadata;
            staged = null;
            return store.withLock(fileId, () -> commit(committing, original));
        } catch (UncheckedIOException | FileStore.UploadInterruptedException ex) {
            throw ApiException.validation("Malformed or incomplete multipart body");
        } finally {
            if (staged != null) {
                store.discard(staged);
                capacity.release(staged.reserved());
            }
        }
    }

    /** Under the file's lock: another copy request may have won the race meanwhile. */
    private Result commit(FileStore.StagedUpload staged, CopyMetadata metadata) {
        FileAttributes current = index.get(metadata.fileId()).orElse(null);
        String storageFilename = staged.entry().storageFilename();
        if (current != null && (!replaceable(current) || !current.storageFilename().equals(storageFilename))) {
            store.discard(staged);
            capacity.release(staged.reserved());
            requireSameChecksum(current, metadata);
            if (replaceable(current)) {
                throw ApiException.conflict("The copy of file " + metadata.fileId() + " changed meanwhile; try again");
            }
            return new Result(current, false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FileAttributes attributes = new FileAttributes(metadata.fileId(), metadata.originalFilename(),
                UploadService.contentType(metadata.contentType()), metadata.size(), metadata.checksum(),
                metadata.uploadedBy(), metadata.uploadedAt(), metadata.description(), metadata.tags(), FileStatus.ACTIVE,
                ContractValues.require(RetentionPolicy.class, "retention_policy", metadata.retentionPolicy()), metadata.ttlDays(),
                metadata.expiresAt(), storageFilename, CopyStatus.OK, now,
                metadata.updatedAt() != null ? metadata.updatedAt() : now);
        return new Result(store.commitCopy(staged, attributes, current != null), true);
    }

    private FileStore.StagedUpload stage(UUID fileId, String storageFilename, InputStream in, long size) {
        try {
            return store.stage(fileId, storageFilename, in, size);
        } catch (ApiException ex) {
            if (ex.code() == ErrorCode.FILE_TOO_LARGE) {
                throw new ApiException(ErrorCode.CHECKSUM_MISMATCH, "More bytes received than the declared size " + size);
            }
            throw ex;
        }
    }

    /**
     * A copy this SE cannot serve: marked corrupt by the scrub, or its data file gone or of
     * the wrong size (lost behind the SE's back, not yet noticed by reconcile or scrub). Such a
     * copy is replaced; answering "already here" would let the registry count bytes that are not.
     */
    private boolean replaceable(FileAttributes existing) {
        if (existing.corrupt()) {
            return true;
        }
        Path data = layout.dataFile(existing.storageFilename());
        try {
            return !Files.isRegularFile(data) || Files.size(data) != existing.size();
        } catch (IOException ex) {
            return true;
        }
    }

    private static void verify(FileStore.StagedUpload staged, CopyMetadata metadata) {
        if (staged.size() != metadata.size()) {
            throw new ApiException(ErrorCode.CHECKSUM_MISMATCH,
                    "Received " + staged.size() + " bytes, expected " + metadata.size());
        }
        if (!staged.checksum().equals(metadata.checksum())) {
            throw new ApiException(ErrorCode.CHECKSUM_MISMATCH,
                    "The received bytes have SHA-256 " + staged.checksum() + ", expected " + metadata.checksum());
        }
    }

    private static void requireSameChecksum(FileAttributes existing, CopyMetadata metadata) {
        if (!existing.checksum().equals(metadata.checksum())) {
            throw ApiException.conflict("File " + existing.fileId() + " is already stored here with another checksum");
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Parses and checks the metadata field; the checksum comes back in lower case. */
    private CopyMetadata parse(String text, UUID fileId) {
        CopyMetadata m;
        try {
            m = json.readValue(text, CopyMetadata.class);
        } catch (JacksonException ex) {
            throw ApiException.validation("metadata: not a valid file metadata JSON object");
        }
        if (m == null) {
            throw ApiException.validation("metadata: not a valid file metadata JSON object");
        }
        if (!fileId.equals(m.fileId())) {
            throw ApiException.validation("metadata.file_id: must equal the file id in the path");
        }
        if (m.originalFilename() == null || m.originalFilename().isBlank()
                || m.originalFilename().length() > MAX_FILENAME_LENGTH) {
            throw ApiException.validation("metadata.original_filename: required, at most " + MAX_FILENAME_LENGTH + " characters");
        }
        if (m.size() == null || m.size() < 0) {
            throw ApiException.validation("metadata.size: required, not negative");
        }
        if (m.size() > maxFileSize) {
            throw new ApiException(ErrorCode.FILE_TOO_LARGE, "File exceeds the size limit of " + maxFileSize + " bytes");
        }
        if (m.checksum() == null || !SHA256.matcher(m.checksum()).matches()) {
            throw ApiException.validation("metadata.checksum: 64 hexadecimal characters (SHA-256) required");
        }
        if (m.uploadedBy() == null || m.uploadedBy().isBlank() || m.uploadedBy().length() > MAX_USER_LENGTH
                || m.uploadedBy().chars().anyMatch(Character::isISOControl)) {
            throw ApiException.validation("metadata.uploaded_by: required, at most " + MAX_USER_LENGTH
                    + " characters, no control characters");
        }
        if (m.uploadedAt() == null) {
            throw ApiException.validation("metadata.uploaded_at: required");
        }
        if (ContractValues.require(FileStatus.class, "metadata.status", m.status()) != FileStatus.ACTIVE) {
            throw ApiException.validation("metadata.status: only an active file can be copied, this one is " + m.status());
        }
        RetentionPolicy retention = ContractValues.require(RetentionPolicy.class, "metadata.retention_policy", m.retentionPolicy());
        if (retention == RetentionPolicy.TEMPORARY && m.expiresAt() == null) {
            throw ApiException.validation("metadata.expires_at: required for a temporary file");
        }
        if (retention == RetentionPolicy.PERMANENT && (m.expiresAt() != null || m.ttlDays() != null)) {
            throw ApiException.validation("metadata: a permanent file has no ttl_days and no expires_at");
        }
        if (m.ttlDays() != null) {
            MetadataRules.ttlDays(m.ttlDays());
        }
        return new CopyMetadata(m.fileId(), m.originalFilename(), m.contentType(), m.size(),
                m.checksum().toLowerCase(Locale.ROOT), m.uploadedBy(), m.uploadedAt(),
                MetadataRules.description(m.description()), m.tags() == null ? List.of() : MetadataRules.tags(m.tags()),
                m.status(), m.retentionPolicy(), m.ttlDays(), m.expiresAt(), null, null, m.updatedAt());
    }
}
