package io.artstore.ingester.upload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.artstore.ingester.config.IngesterProperties;
import io.artstore.ingester.placement.StoragePlacement;
import io.artstore.ingester.registration.FileRegistrar;
import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.kernel.client.storage.SeUpload;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How the ingester reads an upload's form: the shared rules with its own defaults, checked before any SE is chosen. */
class UploadServiceFormTest {

    private static final String BOUNDARY = "b0undary";
    private static final int DEFAULT_TTL_DAYS = 7;

    private final StoragePlacement placement = mock(StoragePlacement.class);
    private final StorageElementClient storage = mock(StorageElementClient.class);
    private final UploadService service = new UploadService(
            new IngesterProperties(1_000_000, DEFAULT_TTL_DAYS, 0, Duration.ofMillis(1)),
            placement, storage, mock(FileRegistrar.class), new SimpleMeterRegistry());

    @Test
    void ttlDaysWithPermanentIsRefusedBeforeAnyStorageElementIsChosen() {
        assertThatThrownBy(() -> service.upload(request("retention_policy", "permanent", "ttl_days", "5"), "caller"))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(ex.getMessage()).contains("ttl_days");
                });
        verifyNoInteractions(placement, storage);
    }

    @Test
    void withoutAPolicyTheFileIsTemporaryWithTheConfiguredTtlOnAnEditStorageElement() {
        SeUpload sent = uploadAndCapture();
        verify(placement).choose(eq(StorageMode.EDIT), anyLong());
        assertThat(sent.retentionPolicy()).isEqualTo("temporary");
        assertThat(sent.ttlDays()).isEqualTo(DEFAULT_TTL_DAYS);
    }

    @Test
    void permanentGoesToAnRwStorageElementWithoutTtl() {
        SeUpload sent = uploadAndCapture("retention_policy", "permanent");
        verify(placement).choose(eq(StorageMode.RW), anyLong());
        assertThat(sent.retentionPolicy()).isEqualTo("permanent");
        assertThat(sent.ttlDays()).isNull();
    }

    @Test
    void theSharedFieldRulesApply() {
        assertRefused(request("ttl_days", "366"), "ttl_days");
        assertRefused(request("retention_policy", "forever"), "retention_policy");
        assertRefused(request("tags", "[1]"), "tags");
        assertRefused(request("owner", "root"), "owner");
        verifyNoInteractions(placement, storage);
    }

    private void assertRefused(MockHttpServletRequest request, String field) {
        assertThatThrownBy(() -> service.upload(request, "caller"))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(ex.getMessage()).contains(field);
                });
    }

    /** Runs an upload up to the SE call (which fails) and returns what would have been sent. */
    private SeUpload uploadAndCapture(String... fields) {
        StorageElementRecord se = new StorageElementRecord(UUID.randomUUID(), "se", "http://se", "se-1", "edit",
                "online", 100, 0, 100L, null, null, null, null, null, null, null, null, null, null);
        when(placement.choose(any(), anyLong())).thenReturn(se);
        ArgumentCaptor<SeUpload> upload = ArgumentCaptor.forClass(SeUpload.class);
        when(storage.upload(anyString(), upload.capture(), any()))
                .thenThrow(new ApiException(ErrorCode.SE_UNAVAILABLE, "test stops here"));
        assertThatThrownBy(() -> service.upload(request(fields), "caller"))
                .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.SE_UNAVAILABLE));
        return upload.getValue();
    }

    private static MockHttpServletRequest request(String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n")
                    .append(fields[i + 1]).append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n")
                .append("Content-Type: text/plain\r\n\r\n")
                .append("hello\r\n")
                .append("--").append(BOUNDARY).append("--\r\n");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/files");
        request.setContentType("multipart/form-data; boundary=" + BOUNDARY);
        request.setContent(body.toString().getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
