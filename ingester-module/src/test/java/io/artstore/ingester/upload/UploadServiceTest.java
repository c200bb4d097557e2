package io.artstore.ingester.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.artstore.ingester.config.IngesterProperties;
import io.artstore.ingester.placement.StoragePlacement;
import io.artstore.ingester.registration.FileRegistrar;
import io.artstore.kernel.client.admin.RegisteredFile;
import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.SeUpload;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The upload path with a storage element that behaves like the real one on the wire: it reads
 * the whole file stream the way the SE client sends it (256 KiB at a time) and keeps the file
 * only when the stream ended cleanly; a failed read is a broken upload, kept nowhere.
 */
class UploadServiceTest {

    private static final String BOUNDARY = "test-boundary";
    private static final StorageElementRecord SE = new StorageElementRecord(UUID.randomUUID(), "se", "https://se:8010",
            "se-1", "edit", "online", 1L << 30, 0, null, null, null, null, null, null, null, null, null, null, null);

    private final StoragePlacement placement = mock(StoragePlacement.class);
    private final StorageElementClient storage = mock(StorageElementClient.class);
    private final FileRegistrar registrar = mock(FileRegistrar.class);
    private final List<SeUpload> kept = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UploadService service = new UploadService(new IngesterProperties(1L << 30, 30, 0, Duration.ofMillis(1)),
            placement, storage, registrar, meters);

    @BeforeEach
    void storageElement() {
        when(placement.choose(any(), anyLong())).thenReturn(SE);
        when(storage.upload(eq(SE.url()), any(), any())).thenAnswer(call -> {
            SeUpload upload = call.getArgument(1);
            InputStream content = call.getArgument(2);
            long size = 0;
            try {
                byte[] buffer = new byte[256 * 1024];
                for (int n; (n = content.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                    size += n;
                }
            } catch (IOException ex) {
                // the SE client's answer to a body that could not be sent to the end
                throw new ApiException(ErrorCode.SE_UNAVAILABLE, "Storage element failed during the upload", ex);
            }
            kept.add(upload);
            return new SeFileMetadata(UUID.randomUUID(), upload.originalFilename(), upload.contentType(), size,
                    "0".repeat(64), upload.uploadedBy(), Instant.now(), upload.description(), upload.tags(), "active",
                    upload.retentionPolicy(), upload.ttlDays(), null, null, null, null);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retention_policy|permanent",
            "description|kept forever",
            "tags|[\"contract\"]",
            "ttl_days|365"})
    void aFieldAfterTheFileIs400NamingItAndNothingIsKeptOrRegistered(String field, String value) {
        byte[] body = new Body().file("report.pdf", bytes(300_000)).field(field, value).end();

        assertThatThrownBy(() -> service.upload(request(body), "alice"))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(ex.getMessage()).contains("'" + field + "'").contains("form fields must come before the file");
                });
        assertThat(kept).as("nothing kept on the SE").isEmpty();
        verify(registrar, never()).register(any());
        assertThat(meters.counter("ingester_refused_after_file").count()).isEqualTo(1);
        assertThat(meters.counter("ingester_uploads_total", "retention_policy", "temporary", "status", "validation_error")
                .count()).isEqualTo(1);
    }

    @Test
    void aSecondFileAfterTheFileIs400() {
        byte[] body = new Body().file("a.txt", bytes(10)).filePart("file", "b.txt", bytes(10)).end();

        assertThatThrownBy(() -> service.upload(request(body), "alice"))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(ex.getMessage()).contains("second file");
                });
        assertThat(kept).isEmpty();
        verify(registrar, never()).register(any());
    }

    @Test
    void fieldsBeforeTheFileAreStoredAndRegistered() {
        byte[] body = new Body().field("retention_policy", "permanent").field("description", "kept forever")
                .field("tags", "[\"contract\"]").file("report.pdf", bytes(300_000)).end();

        UploadResponse response = service.upload(request(body), "alice");

        assertThat(response.retentionPolicy()).isEqualTo("permanent");
        assertThat(response.ttlDays()).isNull();
        assertThat(response.description()).isEqualTo("kept forever");
        assertThat(response.size()).isEqualTo(300_000);
        verify(placement).choose(eq(StorageMode.RW), anyLong());
        assertThat(kept).singleElement().satisfies(upload -> {
            assertThat(upload.retentionPolicy()).isEqualTo("permanent");
            assertThat(upload.tags()).containsExactly("contract");
        });
        verify(registrar).register(any());
    }

    @Test
    void theAnswerCarriesTheCopiesAdminModuleReports() {
        when(registrar.register(any())).thenAnswer(call -> Optional.of(new RegisteredFile(UUID.randomUUID(), 2,
                List.of(new RegisteredFile.Copy(SE.id(), CopyStatus.OK.value(), Instant.now())))));
        byte[] body = new Body().field("retention_policy", "permanent").file("report.pdf", bytes(1000)).end();

        UploadResponse response = service.upload(request(body), "alice");

        assertThat(response.copies()).isEqualTo(1);
        assertThat(response.copiesWanted()).isEqualTo(2);
    }

    @Test
    void withoutCopyFiguresFromAdminModuleTheDurableFirstCopyCountsAndNothingIsWanted() {
        // an older admin-module (no copies in its answer), or a 409 because a sync registered the file first
        when(registrar.register(any())).thenReturn(Optional.empty(), Optional.of(new RegisteredFile(null, null, null)));

        for (int i = 0; i < 2; i++) {
            UploadResponse response = service.upload(request(new Body().file("a.txt", bytes(10)).end()), "alice");
            assertThat(response.copies()).isEqualTo(1);
            assertThat(response.copiesWanted()).isNull();
        }
    }

    @Test
    void aPartWithoutANameAfterTheFileIsSkippedAsBefore() {
        // the reader skips parts that are no form field at all (as Commons FileUpload does): they mean nothing
        Body body = new Body().file("a.txt", bytes(10));
        body.raw("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nnoise\r\n");
        UploadResponse response = service.upload(request(body.end()), "alice");
        assertThat(response.size()).isEqualTo(10);
        assertThat(kept).hasSize(1);
    }

    private static MockHttpServletRequest request(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/files/upload");
        request.setContentType("multipart/form-data; boundary=" + BOUNDARY);
        request.setContent(body);
        return request;
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    /** A multipart body with its parts in exactly the order given. */
    private static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body field(String name, String value) {
            raw("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Body file(String fileName, byte[] content) {
            return filePart("file", fileName, content);
        }

        Body filePart(String name, String fileName, byte[] content) {
            raw("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            raw("\r\n");
            return this;
        }

        void raw(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        byte[] end() {
            raw("--" + BOUNDARY + "--\r\n");
            return out.toByteArray();
        }
    }
}
