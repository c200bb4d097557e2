package io.artstore.storage.scrub;

import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** At 1 byte/s a pass over a 2 MiB file stays running: a second start is refused; the stop at shutdown is clean. */
@StorageElementTest(properties = {"artstore.storage.storage-id=se-scrub-busy-it", "artstore.storage.scrub-rate=1"})
class ScrubInProgressIT {

    @LocalServerPort
    int port;

    @Test
    void aSecondStartWhileOneRunsIs409() {
        TestHttp http = SeTest.client(port);
        assertThat(SeTest.upload(http, "big.bin", Content.bytes(2 * 1024 * 1024, 7)).status()).isEqualTo(201);

        TestHttp.Response first = http.postJson("/api/v1/maintenance/scrub", "");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().path("running").asBoolean()).isTrue();

        TestHttp.Response second = http.postJson("/api/v1/maintenance/scrub", "");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("SCRUB_IN_PROGRESS");

        TestHttp.Response status = http.get("/api/v1/maintenance/scrub");
        assertThat(status.json().path("running").asBoolean()).isTrue();
        assertThat(status.json().path("finished_at").isNull()).isTrue();
        assertThat(status.json().path("files_checked").asLong()).isZero();
    }
}
