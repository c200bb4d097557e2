package io.artstore.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.artstore.devstack.Credentials;
import io.artstore.devstack.LocalStack;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.artstore.system.Clients.upload;
import static org.assertj.core.api.Assertions.assertThat;

/** Uploads through the ingester land on the right storage element and in the registry — or nowhere. */
class IngesterIT {

    private final LocalStack stack = SystemStack.get();
    private final Clients clients = new Clients(stack);
    private final TestHttp ingest = clients.ingester(clients.serviceToken("ingest"));

    private static Multipart temporary(String name, byte[] content, String ttl) {
        return Multipart.form().field("description", "Квартальный отчёт / quarterly report")
                .field("tags", "[\"report\",\"отчёт\"]").field("retention_policy", "temporary").field("ttl_days", ttl)
                .file(name, "application/pdf", content);
    }

    private int filesOnSes() {
        return StackSupport.filesOnSes();
    }

    @Test
    void temporaryUploadLandsOnTheEditSeWithTheRequestedTtl() {
        byte[] content = Content.bytes(300_000, 1);
        TestHttp.Response response = upload(ingest, temporary("отчёт Q1 \"final\".pdf", content, "7"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode body = response.json();
        UUID id = UUID.fromString(body.path("file_id").asString());
        assertThat(body.path("original_filename").asString()).isEqualTo("отчёт Q1 \"final\".pdf");
        assertThat(body.path("checksum").asString()).isEqualTo(Content.sha256(content));
        assertThat(body.path("size").asLong()).isEqualTo(content.length);
        assertThat(body.path("uploaded_by").asString()).isEqualTo(stack.credentials().client("ingest").clientId());
        assertThat(body.path("retention_policy").asString()).isEqualTo("temporary");
        assertThat(body.path("ttl_days").asInt()).isEqualTo(7);
        assertThat(Instant.parse(body.path("expires_at").asString()))
                .isEqualTo(Instant.parse(body.path("uploaded_at").asString()).plus(Duration.ofDays(7)));
        assertThat(body.has("storage_element_id")).isFalse();

        JsonNode sidecar = StackSupport.sidecar("se-edit", id);
        assertThat(sidecar).as("attr.json on the edit SE").isNotNull();
        assertThat(sidecar.path("ttl_days").asInt()).isEqualTo(7);
        assertThat(sidecar.path("retention_policy").asString()).isEqualTo("temporary");
        assertThat(sidecar.path("uploaded_by").asString()).isEqualTo(body.path("uploaded_by").asString());

        TestHttp admin = clients.admin();
        JsonNode record = admin.get("/api/v1/files/" + id).json();
        assertThat(record.path("storage_element_id").asString())
                .isEqualTo(StackSupport.storageElementId(admin, stack.seEditUrl()));
        assertThat(record.path("ttl_days").asInt()).isEqualTo(7);
        assertThat(record.path("checksum").asString()).isEqualTo(Content.sha256(content));
        assertThat(record.path("tags")).hasSize(2);
        // issue 25: acknowledged with its first copy; the wanted count is the registry's (absent from an older one)
        assertThat(body.path("copies").asInt()).isEqualTo(1);
        assertThat(body.path("copies_wanted")).isEqualTo(record.path("copies_wanted"));
    }

    @Test
    void permanentUploadLandsOnAnRwSe() {
        byte[] content = Content.bytes(40_000, 2);
        TestHttp.Response response = upload(ingest, Multipart.form().field("retention_policy", "permanent")
                .file("contract.txt", "text/plain", content));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        UUID id = UUID.fromString(response.json().path("file_id").asString());
        assertThat(response.json().path("ttl_days").isNull()).isTrue();
        assertThat(response.json().path("copies").asInt()).as("the first copy, durable when answered").isEqualTo(1);
        // the first copy on one of the two rw SEs (sites a and b); replication makes the other
        assertThat(StackSupport.sidecar("se-rw", id) != null || StackSupport.sidecar("se-rw-b", id) != null)
                .as("attr.json on an rw SE").isTrue();
        assertThat(StackSupport.sidecar("se-edit", id)).isNull();
        TestHttp admin = clients.admin();
        assertThat(admin.get("/api/v1/files/" + id).json().path("storage_element_id").asString())
                .isIn(StackSupport.storageElementId(admin, stack.seRwUrl()),
                        StackSupport.storageElementId(admin, stack.seRwBUrl()));
    }

    @Test
    void aLargeChunkedUploadStreamsThroughWithTheClientsChecksum() {
        long size = 24L * 1024 * 1024 + 13;
        TestHttp.Response response = Clients.uploadChunked(ingest, Multipart.form().field("ttl_days", "1")
                .generatedFile("big.bin", size, 99));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("size").asLong()).isEqualTo(size);
        assertThat(response.json().path("checksum").asString()).isEqualTo(Content.sha256Generated(size, 99));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tags|logo",
            "tags|[1,2]",
            "ttl_days|0",
            "ttl_days|366",
            "retention_policy|forever"})
    void invalidFieldsAre400AndNothingReachesAnSe(String field, String value) {
        int before = filesOnSes();
        TestHttp.Response response = upload(ingest, Multipart.form().field(field, value).file("x.txt", "text/plain", new byte[10]));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(filesOnSes()).isEqualTo(before);
    }

    @Test
    void descriptionOver1000CharactersAndMissingFileAre400() {
        assertThat(upload(ingest, Multipart.form().field("description", "x".repeat(1001))
                .file("x.txt", "text/plain", new byte[1])).status()).isEqualTo(400);
        TestHttp.Response noFile = upload(ingest, Multipart.form().field("description", "no file"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.errorCode()).isEqualTo("VALIDATION_ERROR");
        TestHttp.Response notMultipart = ingest.postJson("/api/v1/files/upload", "{}");
        assertThat(notMultipart.status()).isEqualTo(415);
    }

    /**
     * A client that puts the file first (curl in argument order, HTML forms in DOM order) sends
     * a field the ingester can only read after the file went to an SE: the upload is refused,
     * naming the field, and nothing of it is kept on any SE or in the registry. The body is
     * written by hand so that the order of its parts is certain.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retention_policy|permanent",
            "description|to be kept forever"})
    void aFieldAfterTheFileIs400NamingItAndNothingIsKeptAnywhere(String field, String value) {
        int before = filesOnSes();
        String name = "file-first-" + UUID.randomUUID() + ".pdf";
        String boundary = "artstore-it-" + UUID.randomUUID();
        // larger than the ingester's 256 KiB buffer: the SE has received file bytes before the field is read
        byte[] content = Content.bytes(700_000, 23);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n"
                + value + "\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        TestHttp.Response response = ingest.send(ingest.request("/api/v1/files/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("message").asString())
                .contains("'" + field + "'").contains("form fields must come before the file");
        String token = clients.adminToken();
        for (String se : new String[]{stack.seEditUrl(), stack.seRwUrl(), stack.seRwBUrl()}) {
            assertThat(originalFilenames(clients.storageElement(se, token))).as("files listed by " + se).doesNotContain(name);
        }
        assertThat(originalFilenames(clients.admin())).as("files in the registry").doesNotContain(name);
        assertThat(filesOnSes()).as("attr.json files on the SEs").isEqualTo(before);
    }

    /** The original file names of every file a service lists at {@code GET /api/v1/files}, all pages. */
    private static java.util.List<String> originalFilenames(TestHttp service) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            TestHttp.Response page = service.get("/api/v1/files?limit=1000&offset=" + offset);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode items = page.json().path("items");
            items.forEach(item -> names.add(item.path("original_filename").asString()));
            if (items.size() < 1000) {
                return names;
            }
        }
    }

    /** Head of an upload request declaring {@code length} body bytes, with the form fields and file-part header to follow. */
    private String head(long length, String boundary) {
        return "POST /api/v1/files/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + clients.serviceToken("ingest")
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n";
    }

    @Test
    void tooLargeIs413ByContentLengthAndWhileStreaming() {
        int before = filesOnSes();
        RawHttp.Answer early = RawHttp.send(stack.ingesterUrl(), head(SystemStack.MAX_UPLOAD + 1024 * 1024, "b"), new byte[0]);
        assertThat(early.status()).as("rejected on the declared length, before any body byte").isEqualTo(413);
        assertThat(early.body()).contains("FILE_TOO_LARGE");

        TestHttp.Response streamed = Clients.uploadChunked(ingest,
                Multipart.form().generatedFile("huge.bin", SystemStack.MAX_UPLOAD + 1024 * 1024, 6));
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.errorCode()).isEqualTo("FILE_TOO_LARGE");
        StackSupport.eventually(Duration.ofSeconds(20), () -> filesOnSes() == before, "no partial file kept");
    }

    @Test
    void noStorageElementWithRoomIs507() {
        String boundary = "b507";
        String fieldsAndFileHeader = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"retention_policy\"\r\n\r\n"
                + "permanent\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        RawHttp.Answer answer = RawHttp.send(stack.ingesterUrl(), head(SystemStack.RW_CAPACITY + 1024 * 1024, boundary),
                fieldsAndFileHeader.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(507);
        assertThat(answer.body()).contains("STORAGE_FULL");
    }

    @Test
    void callersWithoutFilesWriteAre403() {
        TestHttp admin = clients.admin();
        String name = "viewer" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.postJson("/api/v1/admin-users", StackSupport.JSON.writeValueAsString(Map.of(
                "username", name, "password", "viewer-pass-1", "role", "readonly", "email", name + "@example.org")))
                .status()).isEqualTo(201);
        String readonlyToken = TestHttp.to(stack.adminUrl()).postJson("/api/v1/admin-auth/login",
                StackSupport.JSON.writeValueAsString(Map.of("username", name, "password", "viewer-pass-1")))
                .json().path("access_token").asString();
        for (String token : new String[]{readonlyToken, clients.serviceToken("search")}) {
            TestHttp.Response response = upload(clients.ingester(token), temporary("x.pdf", new byte[10], "1"));
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
        }
        TestHttp.Response anonymous = upload(TestHttp.to(stack.ingesterUrl()), temporary("x.pdf", new byte[10], "1"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void storageElementFailureIs502AndNothingIsRegistered() {
        TestHttp admin = clients.admin();
        long registered = admin.get("/api/v1/files?limit=1").json().path("total").asLong();
        StackSupport.whileStopped(stack, "storage-element-edit", stack.seEditUrl(), () -> {
            TestHttp.Response response = upload(ingest, temporary("lost.pdf", Content.bytes(1000, 3), "2"));
            assertThat(response.status()).as(response.toString()).isEqualTo(502);
            assertThat(response.errorCode()).isEqualTo("SE_UNAVAILABLE");
        });
        assertThat(admin.get("/api/v1/files?limit=1").json().path("total").asLong()).isEqualTo(registered);
    }

    @Test
    void registrationFailureIs502NamingTheFileAndTheNextSyncRegistersIt() throws Exception {
        Credentials.Client client = stack.credentials().client("ingester-module");
        Path jar = ProcessRunner.findJar(Path.of("ingester-module/target"), "ingester-module-");
        int port = ProcessRunner.freePort();
        try (FaultyAdminProxy proxy = new FaultyAdminProxy(stack.adminUrl());
             ProcessRunner ingester = ProcessRunner.jar(jar)
                     .env(Map.of("IG_PORT", port, "IG_ADMIN_URL", proxy.url(),
                             "IG_JWKS_URL", stack.adminUrl() + "/api/v1/auth/jwks",
                             "IG_CLIENT_ID", client.clientId(), "IG_CLIENT_SECRET", client.clientSecret(),
                             "IG_SE_CA_CERT_PATH", stack.certificates().caCert(), "IG_REGISTER_DELAY", "20ms",
                             "IG_LOG_FORMAT", "text"))
                     .jvmArgs("-Xmx256m")
                     .start()
                     .awaitHealthy(java.net.URI.create("http://127.0.0.1:" + port + "/health/live"), Duration.ofMinutes(2))) {
            proxy.failRegistrations(true);
            TestHttp viaProxy = TestHttp.to("http://127.0.0.1:" + port).withToken(clients.serviceToken("ingest"));
            TestHttp.Response response = upload(viaProxy, temporary("orphan.pdf", Content.bytes(2000, 4), "3"));

            assertThat(response.status()).as(response.toString()).isEqualTo(502);
            assertThat(response.errorCode()).isEqualTo("ADMIN_UNAVAILABLE");
            Matcher matcher = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .matcher(response.json().path("error").path("message").asString());
            assertThat(matcher.find()).as("the message names the file id").isTrue();
            UUID id = UUID.fromString(matcher.group());

            assertThat(StackSupport.sidecar("se-edit", id)).as("the file stays on the SE").isNotNull();
            TestHttp admin = clients.admin();
            assertThat(admin.get("/api/v1/files/" + id).status()).isEqualTo(404);

            StackSupport.sync(admin, StackSupport.storageElementId(admin, stack.seEditUrl()));
            JsonNode record = admin.get("/api/v1/files/" + id).json();
            assertThat(record.path("status").asString()).isEqualTo("active");
            assertThat(record.path("original_filename").asString()).isEqualTo("orphan.pdf");
        }
    }
}
