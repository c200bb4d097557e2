package io.artstore.ingester.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.artstore.ingester.IngesterApplication;
import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How an upload's failures become answers, without real processes: the ingester's own
 * wiring (placement, the kernel's storage-element and admin clients, the retried
 * registration) runs against one local HTTP stub that plays admin-module and a storage
 * element, and each test makes one of them fail. The beans come from the application
 * itself, so the test follows the wiring of {@link UploadService} rather than its constructor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadErrorMappingTest {

    private static final String BOUNDARY = "artstore-test-boundary";
    private static final int REGISTER_RETRIES = 2;

    private HttpServer stub;
    private ConfigurableApplicationContext context;
    private UploadService uploads;

    /** What the stub answers; set by each test. */
    private volatile String seUrl;
    private volatile long seAvailableBytes;
    private volatile boolean noStorageElement;
    private volatile int seStatus;
    private volatile String seBody;
    private volatile int registerStatus;
    private volatile String registerAnswer;
    private final AtomicInteger seUploads = new AtomicInteger();
    private final AtomicInteger registerAttempts = new AtomicInteger();

    @BeforeAll
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/api/v1/storage-elements", this::listStorageElements);
        stub.createContext("/api/v1/files/upload", this::seUpload);
        stub.createContext("/api/v1/files", this::register);
        stub.start();
        context = new SpringApplicationBuilder(IngesterApplication.class, ServiceToken.class)
                .web(WebApplicationType.SERVLET)
                // arguments, not default properties: they must win over application.yml
                .run("--server.port=0",
                        "--artstore.clients.admin-url=" + stubUrl(),
                        "--artstore.clients.admin-timeout=5s",
                        "--artstore.clients.se-timeout=5s",
                        "--artstore.ingester.max-file-size=1000",
                        "--artstore.ingester.register-retries=" + REGISTER_RETRIES,
                        "--artstore.ingester.register-delay=1ms",
                        "--artstore.logging.format=text",
                        // the service is called directly here, not through its HTTP endpoint: no JWKS needed
                        "--artstore.security.resource-server=false");
        uploads = context.getBean(UploadService.class);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        if (stub != null) {
            stub.stop(0);
        }
    }

    @BeforeEach
    void healthyByDefault() {
        seUrl = stubUrl();
        seAvailableBytes = 1_000_000;
        noStorageElement = false;
        seStatus = 201;
        seBody = null;
        registerStatus = 201;
        // admin-module's file view with its copies (issue 25): a temporary file wants one copy
        registerAnswer = """
                {"file_id":"%s","storage_element_id":"%s","copies_wanted":1,
                 "copies":[{"storage_element_id":"%s","status":"ok","verified_at":"2026-12-07T12:00:00Z"}]}
                """.formatted(STORED_FILE_ID, SE_ID, SE_ID);
        seUploads.set(0);
        registerAttempts.set(0);
    }

    @Test
    void aHealthyPathStoresAndRegisters() {
        UploadResponse response = uploads.upload(upload("hello"), "tester");

        assertThat(response).isNotNull();
        assertThat(response.copies()).isEqualTo(1);
        assertThat(response.copiesWanted()).isEqualTo(1);
        assertThat(seUploads).hasValue(1);
        assertThat(registerAttempts).hasValue(1);
    }

    @Test
    void anOlderAdminModuleWithoutCopiesInItsAnswerLeavesCopiesWantedOut() {
        registerAnswer = "{\"file_id\":\"" + STORED_FILE_ID + "\"}";

        UploadResponse response = uploads.upload(upload("hello"), "tester");

        assertThat(response.copies()).isEqualTo(1);
        assertThat(response.copiesWanted()).isNull();
        // on the wire: copies_wanted is left out rather than null
        JsonNode json = context.getBean(JsonMapper.class).valueToTree(response);
        assertThat(json.path("copies").asInt()).isEqualTo(1);
        assertThat(json.has("copies_wanted")).as(json.toString()).isFalse();
    }

    @Test
    void anUnreachableStorageElementIs502SeUnavailable() throws IOException {
        seUrl = "http://127.0.0.1:" + closedPort();

        assertFails(upload("hello"), ErrorCode.SE_UNAVAILABLE, HttpStatus.BAD_GATEWAY);
        assertThat(registerAttempts).hasValue(0);
    }

    @Test
    void aStorageElementFailingWith500Is502SeUnavailable() {
        seStatus = 500;
        seBody = error("INTERNAL_ERROR", "disk on fire");

        assertFails(upload("hello"), ErrorCode.SE_UNAVAILABLE, HttpStatus.BAD_GATEWAY);
        assertThat(registerAttempts).hasValue(0);
    }

    @Test
    void aFullStorageElementIs507StorageFull() {
        seStatus = 507;
        seBody = error("STORAGE_FULL", "no space left");

        ApiException ex = assertFails(upload("hello"), ErrorCode.STORAGE_FULL, HttpStatus.INSUFFICIENT_STORAGE);
        assertThat(ex.getMessage()).contains("se-stub");
        assertThat(registerAttempts).hasValue(0);
    }

    @Test
    void aStorageElementRefusingTheSizeIs413FileTooLarge() {
        seStatus = 413;
        seBody = error("FILE_TOO_LARGE", "too large for this SE");

        assertFails(upload("hello"), ErrorCode.FILE_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE);
        assertThat(registerAttempts).hasValue(0);
    }

    @Test
    void aFileOverTheLimitWhileStreamingIs413FileTooLarge() {
        // no Content-Length: the limit is found while the bytes flow to the SE
        assertFails(chunked(upload("x".repeat(1001))), ErrorCode.FILE_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE);
        assertThat(registerAttempts).hasValue(0);
    }

    @Test
    void aRegistrationFailingAfterItsRetriesIs502NamingTheStoredFile() {
        registerStatus = 503;

        ApiException ex = assertFails(upload("hello"), ErrorCode.ADMIN_UNAVAILABLE, HttpStatus.BAD_GATEWAY);
        assertThat(ex.getMessage()).contains(STORED_FILE_ID.toString());
        assertThat(registerAttempts).hasValue(1 + REGISTER_RETRIES);
        assertThat(seUploads).hasValue(1);
    }

    @Test
    void aFileRegisteredAlreadyBySyncIsSuccess() {
        registerStatus = 409;

        UploadResponse response = uploads.upload(upload("hello"), "tester");
        assertThat(response.copies()).as("the stored copy").isEqualTo(1);
        assertThat(response.copiesWanted()).as("a conflict answer says nothing of copies").isNull();
        assertThat(registerAttempts).hasValue(1);
    }

    @Test
    void noOnlineStorageElementInTheModeIs507NoStorageAvailable() {
        noStorageElement = true;

        assertFails(upload("hello"), ErrorCode.NO_STORAGE_AVAILABLE, HttpStatus.INSUFFICIENT_STORAGE);
        assertThat(seUploads).hasValue(0);
    }

    @Test
    void noStorageElementWithFreeSpaceIs507StorageFull() {
        // the file's size is not known before its bytes flow, so "room" means any free space
        seAvailableBytes = 0;

        assertFails(upload("hello"), ErrorCode.STORAGE_FULL, HttpStatus.INSUFFICIENT_STORAGE);
        assertThat(seUploads).hasValue(0);
    }

    @Test
    void aBodyCutShortIs400AndNothingIsRegistered() {
        String whole = multipart("hello, this file never ends");
        MockHttpServletRequest request = request(whole.substring(0, whole.indexOf("never")));

        assertFails(request, ErrorCode.VALIDATION_ERROR, HttpStatus.BAD_REQUEST);
        assertThat(registerAttempts).hasValue(0);
    }

    private ApiException assertFails(MockHttpServletRequest request, ErrorCode code, HttpStatus status) {
        Throwable thrown = catchThrowable(() -> uploads.upload(request, "tester"));
        assertThat(thrown).isInstanceOf(ApiException.class);
        ApiException ex = (ApiException) thrown;
        assertThat(ex.code()).as("code of %s", ex.getMessage()).isEqualTo(code);
        assertThat(ex.status()).isEqualTo(status);
        return ex;
    }

    // --- the request -------------------------------------------------------------------

    private static MockHttpServletRequest upload(String content) {
        return request(multipart(content));
    }

    private static String multipart(String content) {
        return "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"description\"\r\n\r\n"
                + "a test file\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"test.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + content + "\r\n"
                + "--" + BOUNDARY + "--\r\n";
    }

    private static MockHttpServletRequest request(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/files/upload");
        request.setContentType("multipart/form-data; boundary=" + BOUNDARY);
        request.setContent(body.getBytes(StandardCharsets.ISO_8859_1));
        return request;
    }

    /** The same request without a declared length, as a chunked upload arrives. */
    private static MockHttpServletRequest chunked(MockHttpServletRequest request) {
        return new MockHttpServletRequest(request.getServletContext(), "POST", request.getRequestURI()) {
            {
                setContentType(request.getContentType());
                setContent(request.getContentAsByteArray());
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }

    // --- the stub ----------------------------------------------------------------------

    private static final UUID STORED_FILE_ID = UUID.fromString("6f1d2c3b-4a59-4e8f-9d7c-0b1a2e3f4d5c");
    private static final UUID SE_ID = UUID.fromString("0c7f3e2a-1b4d-4c5e-8f9a-2b3c4d5e6f70");

    private void listStorageElements(HttpExchange exchange) throws IOException {
        String mode = query(exchange, "mode");
        String items = noStorageElement ? "" : """
                {"id":"%s","name":"stub SE","url":"%s","storage_id":"se-stub","mode":"%s","status":"online",
                 "capacity_bytes":%d,"used_bytes":0,"available_bytes":%d}
                """.formatted(UUID.nameUUIDFromBytes(seUrl.getBytes(StandardCharsets.UTF_8)), seUrl, mode,
                seAvailableBytes, seAvailableBytes);
        answer(exchange, 200, """
                {"items":[%s],"total":%d,"limit":100,"offset":0,"has_more":false}
                """.formatted(items, noStorageElement ? 0 : 1));
    }

    private void seUpload(HttpExchange exchange) throws IOException {
        seUploads.incrementAndGet();
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ex) {
            // the ingester broke the upload off: nothing to answer
            exchange.close();
            return;
        }
        if (seStatus != 201) {
            answer(exchange, seStatus, seBody);
            return;
        }
        answer(exchange, 201, """
                {"file_id":"%s","original_filename":"test.txt","content_type":"text/plain","size":5,
                 "checksum":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824","uploaded_by":"tester",
                 "uploaded_at":"2026-12-07T12:00:00Z","description":"a test file","tags":[],"status":"active",
                 "retention_policy":"temporary","ttl_days":30,"expires_at":"2027-01-06T12:00:00Z"}
                """.formatted(STORED_FILE_ID));
    }

    private void register(HttpExchange exchange) throws IOException {
        registerAttempts.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        answer(exchange, registerStatus, switch (registerStatus) {
            case 201 -> registerAnswer;
            case 409 -> error("CONFLICT", "already registered");
            default -> error("INTERNAL_ERROR", "database down");
        });
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "rw";
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    private String stubUrl() {
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The service token the ingester sends; the stub does not check it. */
    @Configuration(proxyBeanMethods = false)
    static class ServiceToken {
        @Bean
        ServiceTokenProvider serviceTokenProvider() {
            return () -> "test-service-token";
        }
    }
}
