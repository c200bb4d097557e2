package io.artstore.system.hostile;

import java.util.Arrays;

import io.artstore.devstack.LocalStack;
import io.artstore.system.Clients;
import io.artstore.system.SystemStack;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed, unsatisfiable, overflowing and huge-count {@code Range} headers on downloads
 * (through query-module, the clients' path, and straight at the SE): 416 with
 * {@code INVALID_RANGE} or {@code RANGE_NOT_SATISFIABLE}, or the full content where RFC 9110
 * lets a server ignore the header — never a 500.
 */
class HostileRangeIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final Clients CLIENTS = new Clients(STACK);
    private static final byte[] CONTENT = Content.bytes(10_000, 42);
    private static String id;

    @BeforeAll
    static void upload() {
        TestHttp.Response response = Clients.upload(CLIENTS.ingester(CLIENTS.serviceToken("ingest")),
                Multipart.form().field("ttl_days", "2").file("ranges.bin", "application/octet-stream", CONTENT));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        id = response.json().path("file_id").asString();
    }

    private TestHttp.Response viaQuery(String range) {
        return CLIENTS.query(CLIENTS.serviceToken("search")).get("/api/v1/files/" + id + "/download", "Range", range);
    }

    private TestHttp.Response atSe(String range) {
        return CLIENTS.storageElement(STACK.seEditUrl(), CLIENTS.serviceToken("search"))
                .get("/api/v1/files/" + id + "/download", "Range", range);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"bytes=abc", "bytes=500-100", "bytes=--5", "bytes=1-2-3", "bytes=", "bytes=0-1,x-y", "bytes"})
    void malformedRangesAre416InvalidRange(String range) {
        for (TestHttp.Response response : new TestHttp.Response[]{viaQuery(range), atSe(range)}) {
            Hostile.assertError(response, 416, "INVALID_RANGE");
            assertThat(response.header("Content-Range")).isEqualTo("bytes */" + CONTENT.length);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"bytes=10000-", "bytes=10000-20000", "bytes=-0", "bytes=99999999999999999999999999-",
            "bytes=9223372036854775807-9223372036854775807"})
    void unsatisfiableRangesAre416(String range) {
        for (TestHttp.Response response : new TestHttp.Response[]{viaQuery(range), atSe(range)}) {
            Hostile.assertError(response, 416, "RANGE_NOT_SATISFIABLE");
            assertThat(response.header("Content-Range")).isEqualTo("bytes */" + CONTENT.length);
        }
    }

    @Test
    void aHugeCountOfRangesIsAnsweredWithTheWholeFileOnce() {
        String many = "bytes=" + "0-0,".repeat(1500) + "1-1";
        TestHttp.Response response = viaQuery(many);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(CONTENT);
    }

    @Test
    void overflowingEndIsClampedToTheFile() {
        TestHttp.Response response = viaQuery("bytes=9990-99999999999999999999999999");
        assertThat(response.status()).isEqualTo(206);
        assertThat(response.header("Content-Range")).isEqualTo("bytes 9990-9999/" + CONTENT.length);
        assertThat(response.bytes()).isEqualTo(Arrays.copyOfRange(CONTENT, 9990, 10_000));
    }

    @Test
    void anUnknownUnitIsIgnored() {
        TestHttp.Response response = viaQuery("items=0-5");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(CONTENT);
    }

    @AfterAll
    static void stackStillHealthy() {
        Hostile.assertStackHealthy(STACK);
    }
}
