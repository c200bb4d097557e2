package io.artstore.system.hostile;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.artstore.devstack.LocalStack;
import io.artstore.system.Clients;
import io.artstore.system.RawHttp;
import io.artstore.system.StackSupport;
import io.artstore.system.SystemStack;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversize, malformed and nested-to-death request bodies: the documented 4xx in the common
 * error format, nothing stored, nothing created.
 */
class HostileBodiesIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final Clients CLIENTS = new Clients(STACK);
    private final String ingestToken = CLIENTS.serviceToken("ingest");
    private final TestHttp ingest = CLIENTS.ingester(ingestToken);

    private void assertNothingStored(int onDiskBefore, long registeredBefore) {
        StackSupport.eventually(Duration.ofSeconds(20), () -> Hostile.onDisk() == onDiskBefore, "no file kept on an SE");
        assertThat(Hostile.registered(CLIENTS.admin())).isEqualTo(registeredBefore);
    }

    @Test
    void oversizeUploadWithContentLengthIs413BeforeTheBody() {
        int onDisk = Hostile.onDisk();
        long registered = Hostile.registered(CLIENTS.admin());
        RawHttp.Answer answer = RawHttp.send(STACK.ingesterUrl(), "POST /api/v1/files/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + ingestToken + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                + "Content-Length: " + (SystemStack.MAX_UPLOAD * 4) + "\r\nConnection: close\r\n\r\n", new byte[0]);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"FILE_TOO_LARGE\"");
        assertNothingStored(onDisk, registered);
    }

    @Test
    void oversizeUploadWithoutContentLengthIs413WhileStreaming() {
        int onDisk = Hostile.onDisk();
        long registered = Hostile.registered(CLIENTS.admin());
        TestHttp.Response response = Clients.uploadChunked(ingest,
                Multipart.form().field("ttl_days", "1").generatedFile("endless.bin", SystemStack.MAX_UPLOAD + 1, 5));
        Hostile.assertError(response, 413, "FILE_TOO_LARGE");
        assertNothingStored(onDisk, registered);
    }

    private TestHttp.Response rawUpload(String contentType, byte[] body) {
        return ingest.send(ingest.request("/api/v1/files/upload").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void malformedMultipartIs400AndStoresNothing() {
        int onDisk = Hostile.onDisk();
        long registered = Hostile.registered(CLIENTS.admin());
        byte[] truncated = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nthe body ends before the closing boundary").getBytes(StandardCharsets.UTF_8);
        Hostile.assertError(rawUpload("multipart/form-data; boundary=b", truncated), 400, "VALIDATION_ERROR");
        Hostile.assertError(rawUpload("multipart/form-data", "--b\r\n\r\nno boundary parameter".getBytes()), 400,
                "VALIDATION_ERROR");
        Hostile.assertError(rawUpload("multipart/form-data; boundary=b", "garbage, not multipart at all".getBytes()), 400,
                "VALIDATION_ERROR");
        byte[] noDisposition = "--b\r\nContent-Type: text/plain\r\n\r\nnameless\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);
        Hostile.assertError(rawUpload("multipart/form-data; boundary=b", noDisposition), 400, "VALIDATION_ERROR");
        assertNothingStored(onDisk, registered);
    }

    @Test
    void aNonMultipartUploadIs415() {
        Hostile.assertError(rawUpload("application/json", "{\"file\":\"x\"}".getBytes()), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private static String nested(int depth) {
        return "{\"query\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"deep-array", "deep-object", "huge-number", "long-number", "invalid-utf8", "truncated", "empty"})
    void jsonBombsAndBrokenJsonAre400AtQuery(String kind) {
        TestHttp search = CLIENTS.query(CLIENTS.serviceToken("search"));
        byte[] body = switch (kind) {
            case "deep-array" -> nested(100_000).getBytes(StandardCharsets.UTF_8);
            case "deep-object" -> ("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
            case "huge-number" -> "{\"limit\":1e999999999}".getBytes(StandardCharsets.UTF_8);
            case "long-number" -> ("{\"limit\":" + "9".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8);
            case "invalid-utf8" -> new byte[]{'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case "truncated" -> "{\"query\":\"abc".getBytes(StandardCharsets.UTF_8);
            default -> new byte[0];
        };
        TestHttp.Response response = search.send(search.request("/api/v1/search").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        Hostile.assertError(response, 400, "VALIDATION_ERROR");
    }

    @Test
    void deepNestingAtAdminCreatesNothing() {
        TestHttp admin = CLIENTS.admin();
        long accounts = admin.get("/api/v1/service-accounts?limit=1").json().path("total").asLong();
        String bomb = "{\"name\":\"bomb\",\"scopes\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Hostile.assertError(admin.postJson("/api/v1/service-accounts", bomb), 400, "VALIDATION_ERROR");
        Hostile.assertError(TestHttp.to(STACK.adminUrl()).postJson("/api/v1/admin-auth/login",
                "{\"username\":" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000) + "}"), 400, "VALIDATION_ERROR");
        assertThat(admin.get("/api/v1/service-accounts?limit=1").json().path("total").asLong()).isEqualTo(accounts);
    }

    @Test
    void anOversizedJsonBodyIsRefused() {
        String huge = "{\"client_id\":\"x\",\"client_secret\":\"" + "s".repeat(12 * 1024 * 1024) + "\"}";
        TestHttp.Response response = TestHttp.to(STACK.adminUrl()).postJson("/api/v1/auth/token", huge);
        assertThat(response.status()).as(response.toString()).isIn(400, 401, 413);
        assertThat(response.status()).isNotEqualTo(500);
        assertThat(response.errorCode()).isIn("VALIDATION_ERROR", "INVALID_CREDENTIALS", "FILE_TOO_LARGE");
    }

    @Test
    void wrongContentTypeOnJsonEndpointsIs415() {
        TestHttp search = CLIENTS.query(CLIENTS.serviceToken("search"));
        TestHttp.Response response = search.send(search.request("/api/v1/search").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        Hostile.assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anOversizedHeaderIsA4xxInTheCommonFormat() {
        TestHttp search = CLIENTS.query(CLIENTS.serviceToken("search"));
        TestHttp.Response response = search.get("/api/v1/files/" + java.util.UUID.randomUUID(), "X-Padding", "p".repeat(20_000));
        Hostile.assertError(response, 400, "VALIDATION_ERROR");
    }

    @AfterAll
    static void stackStillHealthy() {
        Hostile.assertStackHealthy(STACK);
    }
}
