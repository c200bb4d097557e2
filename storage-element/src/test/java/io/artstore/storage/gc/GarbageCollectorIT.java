package io.artstore.storage.gc;

import java.time.Duration;

import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** GC with an injected clock: TTL expiry and physical removal of expired and deleted files. */
@StorageElementTest(properties = "artstore.storage.storage-id=se-gc-it")
@Import(GarbageCollectorIT.Clocks.class)
class GarbageCollectorIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return MutableClock.system();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    @Autowired
    MutableClock clock;

    @Autowired
    GarbageCollector gc;

    @Test
    void expiresAndRemoves() {
        TestHttp http = SeTest.client(port);
        String oneDay = SeTest.upload(http, "one-day.txt", "1".getBytes(), "ttl_days", "1").json().path("file_id").asString();
        String month = SeTest.upload(http, "month.txt", "30".getBytes()).json().path("file_id").asString();
        String permanent = SeTest.upload(http, "forever.txt", "p".getBytes(), "retention_policy", "permanent")
                .json().path("file_id").asString();
        String deleted = SeTest.upload(http, "deleted.txt", "d".getBytes()).json().path("file_id").asString();
        assertThat(http.delete("/api/v1/files/" + deleted).status()).isEqualTo(204);
        assertThat(onDisk(deleted)).isEqualTo(2);

        assertThat(gc.run()).isEqualTo(new GarbageCollector.Result(0, 1, 0));
        assertThat(onDisk(deleted)).isZero();
        assertThat(http.get("/api/v1/files/" + deleted).status()).isEqualTo(404);
        assertThat(onDisk(oneDay)).isEqualTo(2);

        // minutes, not seconds, on either side of the expiry: the clock also runs in real time,
        // and on a loaded machine the uploads above can take seconds
        clock.advance(Duration.ofDays(1).minusMinutes(10));
        assertThat(gc.run()).isEqualTo(new GarbageCollector.Result(0, 0, 0));

        clock.advance(Duration.ofMinutes(20));
        assertThat(gc.run()).isEqualTo(new GarbageCollector.Result(1, 1, 0));
        assertThat(http.get("/api/v1/files/" + oneDay).status()).isEqualTo(404);
        assertThat(onDisk(oneDay)).isZero();
        assertThat(onDisk(month)).isEqualTo(2);

        clock.advance(Duration.ofDays(400));
        assertThat(gc.run()).isEqualTo(new GarbageCollector.Result(1, 1, 0));
        assertThat(onDisk(month)).isZero();
        assertThat(onDisk(permanent)).isEqualTo(2);
        assertThat(http.get("/api/v1/files").json().path("total").asInt()).isEqualTo(1);
        assertThat(SeTest.files(layout.walDir())).isEmpty();
        assertThat(http.get("/metrics").body()).contains("se_gc_runs_total", "se_gc_files_total");
    }

    private long onDisk(String id) {
        return SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(id)).count();
    }
}
