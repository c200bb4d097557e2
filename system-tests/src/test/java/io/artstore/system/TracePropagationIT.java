package io.artstore.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.artstore.devstack.LocalStack;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the OpenTelemetry agent attached (as the container images do), one upload is one
 * trace: the ingester's server span (continuing the caller's {@code traceparent}), the storage
 * element's upload and admin-module's registration all carry the same trace id.
 */
class TracePropagationIT {

    /** A console-exporter line: {@code 'POST /api/v1/files/upload' : <trace id> <span id> SERVER [...]}. */
    private static final Pattern SPAN = Pattern.compile("'([^']+)' : ([0-9a-f]{32}) ([0-9a-f]{16}) (SERVER|CLIENT)");

    private final LocalStack stack = SystemStack.get();

    @Test
    void oneUploadIsOneTraceAcrossIngesterStorageElementAndAdmin() {
        Assumptions.assumeTrue(SystemStack.traced(), "OpenTelemetry agent jar not available (run through Maven)");
        Clients clients = new Clients(stack);
        String name = "traced-" + UUID.randomUUID() + ".txt";
        // the upload carries its own W3C trace context, so its spans are told apart from those of
        // other requests the shared stack served meanwhile
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        Multipart form = Multipart.form().field("ttl_days", "1").file(name, "text/plain", "trace me".getBytes());
        TestHttp ingester = clients.ingester(clients.serviceToken("ingest"));
        TestHttp.Response response = ingester.send(ingester.request("/api/v1/files/upload")
                .header("Content-Type", form.contentType()).header("traceparent", parent).POST(form.publisher()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);

        Path logs = SystemStack.dataDir().resolve("logs");
        StackSupport.eventually(Duration.ofSeconds(30),
                () -> traceIds(logs.resolve("ingester-module.log"), "POST /api/v1/files/upload", "SERVER").contains(traceId),
                "the ingester's upload span continues the caller's trace " + traceId);
        StackSupport.eventually(Duration.ofSeconds(30),
                () -> traceIds(logs.resolve("storage-element-edit.log"), "POST /api/v1/files/upload", "SERVER").contains(traceId)
                        || traceIds(logs.resolve("storage-element-rw.log"), "POST /api/v1/files/upload", "SERVER").contains(traceId)
                        || traceIds(logs.resolve("storage-element-rw-b.log"), "POST /api/v1/files/upload", "SERVER").contains(traceId),
                "the storage element's upload span joins trace " + traceId);
        StackSupport.eventually(Duration.ofSeconds(30),
                () -> traceIds(logs.resolve("admin-module.log"), "POST /api/v1/files", "SERVER").contains(traceId),
                "admin-module's registration span joins trace " + traceId);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static Set<String> traceIds(Path log, String spanName, String kind) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            Matcher matcher = SPAN.matcher(Files.readString(log));
            while (matcher.find()) {
                if (matcher.group(1).equals(spanName) && matcher.group(4).equals(kind)) {
                    ids.remove(matcher.group(2));
                    ids.add(matcher.group(2));
                }
            }
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return ids;
    }
}
