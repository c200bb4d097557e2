package io.artstore.ingester.upload;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.artstore.ingester.config.IngesterProperties;
import io.artstore.ingester.placement.StoragePlacement;
import io.artstore.ingester.registration.FileRegistrar;
import io.artstore.kernel.client.admin.FileRegistration;
import io.artstore.kernel.client.admin.RegisteredFile;
import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.SeUpload;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.client.storage.StorageElementException;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.contract.UploadForm;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.multipart.LimitedInputStream;
import io.artstore.kernel.multipart.MultipartReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload from start to end: read and check the form fields, choose a storage element,
 * stream the file part to it as it arrives, register the stored file in admin-module.
 * The form fields must come before the file part, so that nothing reaches an SE before
 * the request is known to be valid; a part after the file is refused (400) before the SE
 * commits, so that no upload is stored with a meaning the ingester did not read.
 */
public class UploadService {

    /** Longest original file name the file registry accepts. */
    static final int MAX_FILENAME_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    /** Room for the form fields and multipart framing on top of the file itself. */
    private static final long FORM_OVERHEAD = 2L * MultipartReader.MAX_FIELD_BYTES;

    private final IngesterProperties properties;
    private final StoragePlacement placement;
    private final StorageElementClient storage;
    private final FileRegistrar registrar;
    private final MeterRegistry meters;
    private final AtomicInteger active = new AtomicInteger();
    private final DistributionSummary bytes;
    private final Counter registrationFailures;
    private final Counter refusedAfterFile;

    public UploadService(IngesterProperties properties, StoragePlacement placement,
                         StorageElementClient storage, FileRegistrar registrar, MeterRegistry meters) {
        this.properties = properties;
        this.placement = placement;
        this.storage = storage;
        this.registrar = registrar;
        this.meters = meters;
        meters.gauge("ingester_active_uploads", active);
        this.bytes = DistributionSummary.builder("ingester_upload_size_bytes").baseUnit("bytes")
                .description("Sizes of stored uploads").register(meters);
        this.registrationFailures = Counter.builder("ingester_registration_failures")
                .description("Files stored on an SE whose registration in admin-module failed after retries")
                .register(meters);
        this.refusedAfterFile = Counter.builder("ingester_refused_after_file")
                .description("Uploads refused at the end of the file part: a part followed the file, "
                        + "or the rest of the body was not valid multipart")
                .register(meters);
    }

    public UploadResponse upload(HttpServletRequest request, String caller) {
        long declared = request.getContentLengthLong();
        if (declared > properties.maxFileSize() + FORM_OVERHEAD) {
            throw tooLarge();
        }
        active.incrementAndGet();
        Timer.Sample sample = Timer.start(meters);
        String policy = "unknown";
        String outcome = "error";
        try {
            MultipartReader reader = MultipartReader.of(request);
            Map<String, String> fields = new LinkedHashMap<>();
            for (MultipartReader.Part part; (part = reader.next()) != null; ) {
                if (!part.isFile()) {
                    if (fields.put(part.name(), part.text()) != null) {
                        throw ApiException.validation("Field '" + part.name() + "' is given twice");
                    }
                    continue;
                }
                if (!"file".equals(part.name())) {
                    throw ApiException.validation("Unexpected file part '" + part.name() + "'; send the file as 'file'");
                }
                UploadForm form = UploadForm.read(fields, RetentionPolicy.TEMPORARY, properties.defaultTtlDays(), Set.of());
                policy = form.retentionPolicy().value();
                UploadResponse response = store(form, reader, part, caller,
                        declared > 0 ? Math.max(0, declared - FORM_OVERHEAD) : 0);
                outcome = "success";
                return response;
            }
            throw ApiException.validation("Field 'file' is required (and must come after the other form fields)");
        } catch (ApiException ex) {
            outcome = ex.code().name().toLowerCase(java.util.Locale.ROOT);
            throw ex;
        } finally {
            active.decrementAndGet();
            sample.stop(meters.timer("ingester_upload_duration_seconds", "retention_policy", policy, "status", outcome));
            meters.counter("ingester_uploads_total", "retention_policy", policy, "status", outcome).increment();
        }
    }

    private UploadResponse store(UploadForm form, MultipartReader reader, MultipartReader.Part part, String caller,
                                 long sizeHint) {
        String fileName = part.fileName() == null || part.fileName().isBlank() ? "file" : part.fileName();
        if (fileName.length() > MAX_FILENAME_LENGTH) {
            // checked before any byte goes out: an SE would keep a file the registry cannot hold
            throw ApiException.validation("file: the file name must be at most " + MAX_FILENAME_LENGTH + " characters");
        }
        StorageElementRecord target = placement.choose(form.retentionPolicy().storageMode(), sizeHint);
        SeUpload upload = new SeUpload(fileName, part.contentType(), form.description(), form.tags(),
                form.retentionPolicy().value(), form.ttlDays(), caller);
        SeFileMetadata stored;
        // the client stream reads past the file to the end of the body: a part after the file fails the upload
        ClientStream client = new ClientStream(reader, part);
        try (InputStream content = new LimitedInputStream(client, properties.maxFileSize())) {
            stored = uploadTo(target, upload, (LimitedInputStream) content, client);
        } catch (java.io.IOException ex) {
            if (client.rejected() != null) {
                throw refusedAfterFile(client);
            }
            throw client.failed() ? malformed(ex) : new ApiException(ErrorCode.SE_UNAVAILABLE, "Upload stream failed", ex);
        }
        bytes.record(stored.size());
        meters.counter("ingester_upload_bytes_total", "retention_policy", form.retentionPolicy().value())
                .increment(stored.size());
        return UploadResponse.of(stored, register(stored, target));
    }

    private SeFileMetadata uploadTo(StorageElementRecord target, SeUpload upload, LimitedInputStream content,
                                    ClientStream client) {
        try {
            return storage.upload(target.url(), upload, content);
        } catch (StorageElementException ex) {
            if (client.rejected() != null) {
                throw refusedAfterFile(client);
            }
            if (content.exceeded() || ex.code() == ErrorCode.FILE_TOO_LARGE) {
                throw tooLarge();
            }
            if (client.failed()) {
                throw malformed(ex);
            }
            if (ex.code() == ErrorCode.STORAGE_FULL) {
                throw new ApiException(ErrorCode.STORAGE_FULL, "Storage element " + target.storageId() + " is full");
            }
            throw new ApiException(ErrorCode.SE_UNAVAILABLE, "Storage element " + target.storageId()
                    + " refused the upload: " + ex.getMessage(), ex);
        } catch (ApiException ex) {
            if (client.rejected() != null) {
                throw refusedAfterFile(client);
            }
            if (content.exceeded()) {
                throw tooLarge();
            }
            if (client.failed()) {
                throw malformed(ex);
            }
            throw new ApiException(ErrorCode.SE_UNAVAILABLE, "Storage element " + target.storageId()
                    + " failed during the upload", ex);
        }
    }

    private Optional<RegisteredFile> register(SeFileMetadata stored, StorageElementRecord target) {
        FileRegistration registration = new FileRegistration(stored.fileId(), stored.originalFilename(),
                stored.contentType(), stored.size(), stored.checksum(), target.id(), stored.description(),
                stored.tags(), stored.retentionPolicy(), stored.ttlDays(), stored.uploadedBy(), stored.uploadedAt());
        try {
            return registrar.register(registration);
        } catch (RuntimeException ex) {
            log.warn("File {} is stored on {} but its registration failed; the next sync will register it",
                    stored.fileId(), target.storageId(), ex);
            registrationFailures.increment();
            throw new ApiException(ErrorCode.ADMIN_UNAVAILABLE, "File " + stored.fileId()
                    + " was stored but could not be registered; it will appear after the next registry sync", ex);
        }
    }

    private ApiException refusedAfterFile(ClientStream client) {
        refusedAfterFile.increment();
        return client.rejected();
    }

    /** The caller's body broke off or was not valid multipart while it was being streamed. */
    private static ApiException malformed(Exception cause) {
        return new ApiException(ErrorCode.VALIDATION_ERROR,
                "Malformed multipart request: the file part ended unexpectedly", cause);
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.FILE_TOO_LARGE, "File exceeds the limit of " + properties.maxFileSize() + " bytes");
    }
}
