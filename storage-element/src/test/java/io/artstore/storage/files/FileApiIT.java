package io.artstore.storage.files;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.security.Scopes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file endpoint of an {@code edit} SE over real HTTP, with real files on disk. */
@StorageElementTest(properties = "artstore.storage.storage-id=se-files-it")
class FileApiIT {

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = SeTest.client(port);
    }

    @Test
    void uploadStoresDataAndSidecarAndReturnsMetadata() {
        byte[] content = Content.bytes(300_000, 1);
        TestHttp.Response response = SeTest.upload(http, Multipart.form()
                .field("description", "Logo sketch")
                .field("tags", "[\"logo\",\"draft\"]")
                .file("photo.jpg", "image/jpeg", content));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        String id = body.path("file_id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.header("Location")).isEqualTo("/api/v1/files/" + id);
        assertThat(body.path("original_filename").asString()).isEqualTo("photo.jpg");
        assertThat(body.path("content_type").asString()).isEqualTo("image/jpeg");
        assertThat(body.path("size").asLong()).isEqualTo(content.length);
        assertThat(body.path("checksum").asString()).isEqualTo(Content.sha256(content));
        assertThat(body.path("uploaded_by").asString()).isEqualTo("sa_tester");
        assertThat(body.path("description").asString()).isEqualTo("Logo sketch");
        assertThat(body.path("tags").toString()).isEqualTo("[\"logo\",\"draft\"]");
        assertThat(body.path("status").asString()).isEqualTo("active");
        // edit SE without retention fields: temporary for 30 days
        assertThat(body.path("retention_policy").asString()).isEqualTo("temporary");
        assertThat(body.path("ttl_days").asInt()).isEqualTo(30);
        assertThat(body.path("expires_at").isNull()).isFalse();
        assertThat(body.has("storage_filename")).isFalse();

        List<String> names = SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(id)).toList();
        assertThat(names).hasSize(2);
        String dataName = names.stream().filter(n -> !n.endsWith(".attr.json")).findFirst().orElseThrow();
        assertThat(dataName).startsWith("photo_sa_tester_").endsWith("_" + id + ".jpg");
        assertThat(Content.sha256(layout.dataDir().resolve(dataName))).isEqualTo(Content.sha256(content));
        assertThat(names).contains(dataName + ".attr.json");
        assertThat(SeTest.files(layout.walDir())).isEmpty();
        assertThat(SeTest.files(layout.dataDir().resolve(".incoming"))).isEmpty();
    }

    @Test
    void sidecarIsTheContractMetadataPlusStorageFilename() throws Exception {
        String id = SeTest.upload(http, "side.txt", "x".getBytes()).json().path("file_id").asString();
        Path attr = SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(id) && n.endsWith(".attr.json"))
                .map(layout.dataDir()::resolve).findFirst().orElseThrow();
        JsonNode sidecar = new tools.jackson.databind.ObjectMapper().readTree(Files.readString(attr));
        assertThat(sidecar.path("file_id").asString()).isEqualTo(id);
        assertThat(sidecar.path("storage_filename").asString() + ".attr.json").isEqualTo(attr.getFileName().toString());
        for (String field : List.of("original_filename", "content_type", "size", "checksum", "uploaded_by",
                "uploaded_at", "description", "tags", "status", "retention_policy", "ttl_days", "expires_at")) {
            assertThat(sidecar.has(field)).as(field).isTrue();
        }
    }

    @Test
    void explicitRetentionFieldsAreHonoured() {
        JsonNode permanent = SeTest.upload(http, "p.bin", new byte[]{1}, "retention_policy", "permanent").json();
        assertThat(permanent.path("retention_policy").asString()).isEqualTo("permanent");
        assertThat(permanent.path("ttl_days").isNull()).isTrue();
        assertThat(permanent.path("expires_at").isNull()).isTrue();

        JsonNode temporary = SeTest.upload(http, "t.bin", new byte[]{1}, "ttl_days", "7").json();
        assertThat(temporary.path("retention_policy").asString()).isEqualTo("temporary");
        assertThat(temporary.path("ttl_days").asInt()).isEqualTo(7);
        assertThat(java.time.Duration.between(java.time.Instant.parse(temporary.path("uploaded_at").asString()),
                java.time.Instant.parse(temporary.path("expires_at").asString())).toDays()).isEqualTo(7);
    }

    @Test
    void fieldsAfterTheFilePartAreAccepted() {
        TestHttp.Response response = SeTest.upload(http, Multipart.form()
                .file("late.txt", "text/plain", "hello".getBytes())
                .field("description", "after the file"));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("description").asString()).isEqualTo("after the file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "a/b", "con", "a\nb.txt", "quote\"d'.txt", "пример документа.pdf",
            "..", ".hidden", "semi;colon=x.txt", "tab\there.txt", "back\\slash.txt"})
    void strangeNamesAreStoredSafelyAndReturnedIntact(String name) {
        TestHttp.Response response = SeTest.upload(http, name, "data".getBytes());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().path("file_id").asString();
        assertThat(response.json().path("original_filename").asString()).isEqualTo(name);
        assertStoredSafely(id);

        TestHttp.Response download = http.get("/api/v1/files/" + id + "/download");
        assertThat(download.status()).isEqualTo(200);
        String disposition = download.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"").doesNotContain("\n").doesNotContain("\r");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);
        String fallback = disposition.substring("attachment; filename=\"".length(), disposition.indexOf("\"; filename*"));
        assertThat(fallback).doesNotContain("\"", "\\", "/").matches("[\\x20-\\x7e]+");
    }

    @Test
    void veryLongNameIsBoundedOnDisk() {
        String name = "n".repeat(300) + ".txt";
        TestHttp.Response response = SeTest.upload(http, name, "data".getBytes());
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("original_filename").asString()).isEqualTo(name);
        assertStoredSafely(response.json().path("file_id").asString());
    }

    private void assertStoredSafely(String id) {
        List<String> names = SeTest.files(layout.dataDir()).stream().filter(n -> n.contains(id)).toList();
        assertThat(names).hasSize(2);
        for (String stored : names) {
            assertThat(stored).doesNotContain("/", "\\", "\n", "\"", "..").doesNotStartWith(".");
            assertThat(stored.getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
        }
    }

    @Test
    void listingPagesAndFilters() {
        for (int i = 0; i < 3; i++) {
            SeTest.upload(http, "list-" + i + ".txt", ("content " + i).getBytes());
        }
        JsonNode all = http.get("/api/v1/files?limit=1000").json();
        long total = all.path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(all.path("items").size()).isEqualTo((int) total);
        assertThat(all.path("has_more").asBoolean()).isFalse();

        JsonNode page = http.get("/api/v1/files?limit=2&offset=1").json();
        assertThat(page.path("limit").asInt()).isEqualTo(2);
        assertThat(page.path("offset").asInt()).isEqualTo(1);
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("file_id").asString())
                .isEqualTo(all.path("items").get(1).path("file_id").asString());
        assertThat(page.path("has_more").asBoolean()).isEqualTo(total > 3);

        String deletedId = SeTest.upload(http, "gone.txt", "x".getBytes()).json().path("file_id").asString();
        assertThat(http.delete("/api/v1/files/" + deletedId).status()).isEqualTo(204);
        JsonNode deleted = http.get("/api/v1/files?status=deleted&limit=1000").json();
        assertThat(deleted.path("items").findValuesAsString("file_id")).contains(deletedId);
        assertThat(deleted.path("items").findValuesAsString("status")).containsOnly("deleted");
        JsonNode active = http.get("/api/v1/files?status=active&limit=1000").json();
        assertThat(active.path("items").findValuesAsString("file_id")).doesNotContain(deletedId);
        assertThat(active.path("total").asLong() + deleted.path("total").asLong()).isEqualTo(
                http.get("/api/v1/files").json().path("total").asLong());
    }

    @Test
    void invalidListParametersAre400() {
        assertThat(http.get("/api/v1/files?limit=0").errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(http.get("/api/v1/files?limit=1001").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/files?offset=-1").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/files?status=gone").errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(http.get("/api/v1/files?limit=abc").status()).isEqualTo(400);
    }

    @Test
    void metadataGetPatchAndDelete() {
        String id = SeTest.upload(http, "meta.txt", "abc".getBytes(), "description", "first").json().path("file_id").asString();
        assertThat(http.get("/api/v1/files/" + id).json().path("description").asString()).isEqualTo("first");

        TestHttp.Response patched = http.patchJson("/api/v1/files/" + id, "{\"tags\":[\"a\",\"b\"]}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("description").asString()).isEqualTo("first");
        assertThat(patched.json().path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        TestHttp.Response described = http.patchJson("/api/v1/files/" + id, "{\"description\":\"second\"}");
        assertThat(described.json().path("description").asString()).isEqualTo("second");
        assertThat(described.json().path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(http.get("/api/v1/files/" + id).json().path("description").asString()).isEqualTo("second");

        assertThat(http.patchJson("/api/v1/files/" + id, "{}").errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(http.patchJson("/api/v1/files/" + id, "{\"size\":5}").errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(http.patchJson("/api/v1/files/" + id, "{\"description\":\"" + "d".repeat(1001) + "\"}").status())
                .isEqualTo(400);
        assertThat(http.patchJson("/api/v1/files/" + id, "{\"tags\":\"notalist\"}").status()).isEqualTo(400);
        assertThat(http.patchJson("/api/v1/files/" + UUID.randomUUID(), "{\"description\":\"x\"}").errorCode())
                .isEqualTo("NOT_FOUND");

        assertThat(http.delete("/api/v1/files/" + id).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/files/" + id).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/files/" + id).json().path("status").asString()).isEqualTo("deleted");
        assertThat(http.get("/api/v1/files/" + id + "/download").errorCode()).isEqualTo("NOT_FOUND");
        assertThat(http.patchJson("/api/v1/files/" + id, "{\"description\":\"x\"}").errorCode()).isEqualTo("CONFLICT");
        assertThat(http.delete("/api/v1/files/" + UUID.randomUUID()).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/v1/files/" + UUID.randomUUID()).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void nonUuidIdsAre400() {
        assertThat(http.get("/api/v1/files/not-a-uuid").errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(http.get("/api/v1/files/123/download").status()).isEqualTo(400);
        assertThat(http.patchJson("/api/v1/files/xyz", "{\"description\":\"a\"}").status()).isEqualTo(400);
        assertThat(http.delete("/api/v1/files/xyz").status()).isEqualTo(400);
    }

    @Test
    void badUploadInputsAre400Or415AndLeaveNothingBehind() {
        List<String> before = SeTest.files(layout.dataDir());
        byte[] data = "x".getBytes();
        assertBad(SeTest.upload(http, "a.txt", data, "tags", "not json"), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "tags", "{\"a\":1}"), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "tags", "[1,2]"), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "description", "d".repeat(1001)), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "ttl_days", "0"), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "ttl_days", "366"), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "ttl_days", "ten"), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "retention_policy", "forever"), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "retention_policy", "permanent", "ttl_days", "5"), 400);
        assertBad(SeTest.upload(http, "a.txt", data, "unknown_field", "x"), 400);
        // the bad field comes after the streamed file: the staged file must be discarded
        assertBad(SeTest.upload(http, Multipart.form().file("a.txt", "text/plain", Content.bytes(500_000, 3))
                .field("ttl_days", "366")), 400);
        assertBad(SeTest.upload(http, Multipart.form().field("description", "no file")), 400);
        assertBad(SeTest.upload(http, Multipart.form().field("file", "not a file part")), 400);
        assertBad(SeTest.upload(http, Multipart.form().file("", "text/plain", data)), 400);
        assertBad(SeTest.upload(http, Multipart.form().file("a.txt", "text/plain", data).file("b.txt", "text/plain", data)), 400);
        assertBad(http.postJson("/api/v1/files/upload", "{\"file\":\"x\"}"), 415);
        assertBad(http.send(http.request("/api/v1/files/upload").header("Content-Type", "multipart/form-data; boundary=abc")
                .POST(HttpRequest.BodyPublishers.ofString("garbage without boundaries"))), 400);
        assertThat(SeTest.files(layout.dataDir())).isEqualTo(before);
        assertThat(SeTest.files(layout.walDir())).isEmpty();
    }

    private static void assertBad(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.errorCode()).isIn("VALIDATION_ERROR", "UNSUPPORTED_MEDIA_TYPE");
        assertThat(response.json().path("error").path("message").asString()).isNotBlank();
    }

    @Test
    void downloadServesFullContentWithCachingHeaders() {
        byte[] content = Content.bytes(1_000_000, 9);
        JsonNode meta = SeTest.upload(http, Multipart.form().file("big.bin", "application/x-custom", content)).json();
        String id = meta.path("file_id").asString();
        TestHttp.Response download = http.get("/api/v1/files/" + id + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(content);
        assertThat(download.header("Content-Type")).isEqualTo("application/x-custom");
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(content.length));
        assertThat(download.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(download.header("ETag")).isEqualTo("\"" + Content.sha256(content) + "\"");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"big.bin\"; filename*=UTF-8''big.bin");

        TestHttp.Response notModified = http.get("/api/v1/files/" + id + "/download", "If-None-Match", download.header("ETag"));
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.bytes()).isEmpty();
        assertThat(http.get("/api/v1/files/" + id + "/download", "If-None-Match", "\"other\"").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/files/" + id + "/download", "If-None-Match", "*").status()).isEqualTo(304);
        assertThat(http.get("/api/v1/files/" + UUID.randomUUID() + "/download").errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void rangeRequests() {
        byte[] content = Content.bytes(10_000, 11);
        String id = SeTest.upload(http, "range.bin", content).json().path("file_id").asString();
        String url = "/api/v1/files/" + id + "/download";

        assertRange(http.get(url, "Range", "bytes=0-99"), content, 0, 99);
        assertRange(http.get(url, "Range", "bytes=9990-"), content, 9990, 9999);
        assertRange(http.get(url, "Range", "bytes=-10"), content, 9990, 9999);
        assertRange(http.get(url, "Range", "bytes=-20000"), content, 0, 9999);
        assertRange(http.get(url, "Range", "bytes=9999-9999"), content, 9999, 9999);
        assertRange(http.get(url, "Range", "bytes=5000-999999"), content, 5000, 9999);

        for (String unsatisfiable : List.of("bytes=10000-", "bytes=10000-10005", "bytes=-0", "bytes=99999999999999999999-")) {
            TestHttp.Response response = http.get(url, "Range", unsatisfiable);
            assertThat(response.status()).as(unsatisfiable).isEqualTo(416);
            assertThat(response.header("Content-Range")).isEqualTo("bytes */10000");
            assertThat(response.errorCode()).isEqualTo("RANGE_NOT_SATISFIABLE");
        }
        for (String malformed : List.of("bytes=abc", "bytes=5-1", "bytes=-", "bytes", "bytes=1-2-3")) {
            TestHttp.Response response = http.get(url, "Range", malformed);
            assertThat(response.status()).as(malformed).isEqualTo(416);
            assertThat(response.header("Content-Range")).isEqualTo("bytes */10000");
            assertThat(response.errorCode()).isEqualTo("INVALID_RANGE");
        }
        // unknown unit and several ranges: the full content
        assertThat(http.get(url, "Range", "items=0-5").status()).isEqualTo(200);
        assertThat(http.get(url, "Range", "bytes=0-1,5-6").bytes()).isEqualTo(content);

        String etag = "\"" + Content.sha256(content) + "\"";
        assertRange(http.get(url, "Range", "bytes=0-9", "If-Range", etag), content, 0, 9);
        TestHttp.Response stale = http.get(url, "Range", "bytes=0-9", "If-Range", "\"stale\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.bytes()).isEqualTo(content);
        String lastModified = http.get(url).header("Last-Modified");
        assertRange(http.get(url, "Range", "bytes=0-9", "If-Range", lastModified), content, 0, 9);
        assertThat(http.get(url, "Range", "bytes=0-9", "If-Range", "Mon, 01 Jan 2001 00:00:00 GMT").status()).isEqualTo(200);
    }

    @Test
    void emptyFile() {
        String id = SeTest.upload(http, "empty.txt", new byte[0]).json().path("file_id").asString();
        TestHttp.Response download = http.get("/api/v1/files/" + id + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEmpty();
        assertThat(http.get("/api/v1/files/" + id + "/download", "Range", "bytes=0-").status()).isEqualTo(416);
    }

    private static void assertRange(TestHttp.Response response, byte[] content, int start, int end) {
        assertThat(response.status()).as(response.body()).isEqualTo(206);
        assertThat(response.header("Content-Range")).isEqualTo("bytes " + start + "-" + end + "/" + content.length);
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(end - start + 1));
        assertThat(response.bytes()).isEqualTo(java.util.Arrays.copyOfRange(content, start, end + 1));
    }

    @Test
    void streamedChunkedUploadOfSeveralMegabytes() {
        long size = 24L * 1024 * 1024 + 17;
        Multipart form = Multipart.form().generatedFile("stream.bin", size, 42);
        TestHttp.Response response = http.send(http.request("/api/v1/files/upload")
                .header("Content-Type", form.contentType()).POST(form.chunkedPublisher()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("size").asLong()).isEqualTo(size);
        assertThat(response.json().path("checksum").asString()).isEqualTo(Content.sha256Generated(size, 42));
    }

    @Test
    void securityScopesAndRoles() {
        TestHttp anonymous = TestHttp.to("http://127.0.0.1:" + port);
        assertThat(anonymous.get("/api/v1/files").errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(anonymous.get("/api/v1/files").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/info").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
        assertThat(anonymous.withToken(SeTest.ISSUER.token().expired().scopes(Scopes.FILES_READ).build())
                .get("/api/v1/files").status()).isEqualTo(401);

        TestHttp reader = anonymous.withToken(SeTest.ISSUER.serviceToken("sa_reader", Scopes.FILES_READ));
        assertThat(reader.get("/api/v1/files").status()).isEqualTo(200);
        TestHttp.Response forbidden = SeTest.upload(reader, "x.txt", "x".getBytes());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");
        String id = SeTest.upload(http, "sec.txt", "x".getBytes()).json().path("file_id").asString();
        assertThat(reader.delete("/api/v1/files/" + id).status()).isEqualTo(403);
        assertThat(reader.patchJson("/api/v1/files/" + id, "{\"description\":\"x\"}").status()).isEqualTo(403);
        assertThat(reader.postJson("/api/v1/maintenance/reconcile", "").status()).isEqualTo(403);
        assertThat(reader.postJson("/api/v1/mode/transition", "{\"target_mode\":\"ro\"}").status()).isEqualTo(403);

        TestHttp writerOnly = anonymous.withToken(SeTest.ISSUER.serviceToken("sa_writer", Scopes.FILES_WRITE));
        assertThat(writerOnly.get("/api/v1/files/" + id).status()).isEqualTo(403);
        assertThat(SeTest.upload(writerOnly, "w.txt", "w".getBytes()).json().path("uploaded_by").asString()).isEqualTo("sa_writer");

        TestHttp readonlyUser = anonymous.withToken(SeTest.ISSUER.userToken("viewer", "readonly"));
        assertThat(readonlyUser.get("/api/v1/files/" + id).status()).isEqualTo(200);
        assertThat(readonlyUser.get("/api/v1/files/" + id + "/download").status()).isEqualTo(200);
        assertThat(SeTest.upload(readonlyUser, "r.txt", "r".getBytes()).status()).isEqualTo(403);
        assertThat(readonlyUser.delete("/api/v1/files/" + id).status()).isEqualTo(403);

        TestHttp admin = anonymous.withToken(SeTest.ISSUER.userToken("boss", "admin"));
        assertThat(SeTest.upload(admin, "a.txt", "a".getBytes()).json().path("uploaded_by").asString()).isEqualTo("boss");
    }

    @Test
    void aServiceAccountMayUploadOnBehalfOfAUserButAPersonCannot() {
        TestHttp ingester = SeTest.client(port).withToken(SeTest.ISSUER.serviceToken("sa_ingester_x", Scopes.FILES_WRITE));
        TestHttp.Response onBehalf = SeTest.upload(ingester, "for-alice.txt", "a".getBytes(), "uploaded_by", "alice");
        assertThat(onBehalf.status()).isEqualTo(201);
        assertThat(onBehalf.json().path("uploaded_by").asString()).isEqualTo("alice");
        assertThat(SeTest.upload(ingester, "own.txt", "a".getBytes()).json().path("uploaded_by").asString())
                .isEqualTo("sa_ingester_x");

        TestHttp person = SeTest.client(port).withToken(SeTest.ISSUER.userToken("mallory", "admin"));
        assertThat(SeTest.upload(person, "spoof.txt", "a".getBytes(), "uploaded_by", "alice").json()
                .path("uploaded_by").asString()).isEqualTo("mallory");

        TestHttp.Response control = SeTest.upload(ingester, "bad.txt", "a".getBytes(), "uploaded_by", "al\u0007ice");
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.errorCode()).isEqualTo("VALIDATION_ERROR");
        TestHttp.Response late = SeTest.upload(ingester,
                Multipart.form().file("late.txt", "text/plain", "a".getBytes()).field("uploaded_by", "alice"));
        assertThat(late.status()).isEqualTo(400);
    }

    @Test
    void infoHealthAndMetrics() {
        TestHttp anonymous = TestHttp.to("http://127.0.0.1:" + port);
        JsonNode info = anonymous.get("/api/v1/info").json();
        assertThat(info.path("storage_id").asString()).isEqualTo("se-files-it");
        assertThat(info.path("mode").asString()).isEqualTo("edit");
        assertThat(info.path("status").asString()).isEqualTo("online");
        assertThat(info.path("version").asString()).isNotBlank();
        assertThat(info.path("replica_mode").asString()).isEqualTo("standalone");
        assertThat(info.path("role").asString()).isEqualTo("standalone");
        assertThat(info.path("allowed_operations").findValuesAsString("")).isEmpty();
        assertThat(info.path("allowed_operations").toString()).isEqualTo("[\"upload\",\"download\",\"update\",\"delete\",\"list\"]");
        JsonNode capacity = info.path("capacity");
        assertThat(capacity.path("total_bytes").asLong()).isPositive();
        assertThat(capacity.path("used_bytes").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(capacity.path("available_bytes").asLong()).isPositive();

        JsonNode ready = anonymous.get("/health/ready").json();
        assertThat(ready.path("status").asString()).isEqualTo("ok");
        assertThat(ready.path("checks").path("filesystem").path("status").asString()).isEqualTo("ok");
        assertThat(ready.path("checks").path("wal").path("status").asString()).isEqualTo("ok");

        SeTest.upload(http, "metric.txt", "m".getBytes());
        String metrics = anonymous.get("/metrics").body();
        assertThat(metrics).contains("se_files{", "status=\"active\"", "se_uploads_total", "se_upload_bytes_total",
                "se_storage_used_bytes", "se_mode{", "executor_active_threads{", "name=\"upload_writers\"");
    }

    @Test
    void editModeIsIsolated() {
        TestHttp.Response response = http.postJson("/api/v1/mode/transition", "{\"target_mode\":\"rw\"}");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("INVALID_TRANSITION");
        assertThat(http.postJson("/api/v1/mode/transition", "{\"target_mode\":\"edit\"}").errorCode()).isEqualTo("INVALID_TRANSITION");
        assertThat(http.postJson("/api/v1/mode/transition", "{\"target_mode\":\"bogus\"}").errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(http.postJson("/api/v1/mode/transition", "{}").errorCode()).isEqualTo("VALIDATION_ERROR");
    }
}
