package io.artstore.system.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File names chosen to escape the data directory, hit device names, or inject headers into
 * downloads: the name is kept verbatim as metadata, the file on disk always gets a sanitised
 * name inside the SE's data directory, and downloads carry it only encoded.
 */
class HostileFileNamesIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final Clients CLIENTS = new Clients(STACK);
    private final TestHttp ingest = CLIENTS.ingester(CLIENTS.serviceToken("ingest"));
    private final TestHttp search = CLIENTS.query(CLIENTS.serviceToken("search"));

    private static Path seDir() {
        return SystemStack.dataDir().resolve("se-edit");
    }

    /** Every regular file under the data root, outside the SEs' own data directories and logs. */
    private static Set<Path> filesOutsideSeData() {
        try (Stream<Path> files = Files.walk(SystemStack.dataDir())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(SystemStack.dataDir().resolve("se-edit/data"))
                            && !p.startsWith(SystemStack.dataDir().resolve("se-rw/data"))
                            && !p.startsWith(SystemStack.dataDir().resolve("postgres"))
                            && !p.startsWith(SystemStack.dataDir().resolve("logs")))
                    .collect(Collectors.toSet());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path dataFileOf(String id) {
        for (Path sidecar : StackSupport.sidecars("se-edit")) {
            JsonNode node = StackSupport.JSON.readTree(sidecar.toFile());
            if (id.equals(node.path("file_id").asString())) {
                String name = sidecar.getFileName().toString();
                return sidecar.resolveSibling(name.substring(0, name.length() - ".attr.json".length()));
            }
        }
        throw new AssertionError("no sidecar for " + id);
    }

    private TestHttp.Response upload(String name) {
        return Clients.upload(ingest, Multipart.form().field("ttl_days", "1")
                .file(name, "text/plain", ("content of " + name).getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"../../../../etc/passwd", "..\\..\\..\\Windows\\System32\\evil.dll", "/etc/shadow",
            "..", "CON", "nul.txt", "AUX.pdf", "COM1", "/dev/null", "....//....//x.txt", "%2e%2e%2f%2e%2e%2fx.txt"})
    void traversalAndDeviceNamesStayInsideTheDataDirectory(String name) {
        Set<Path> outsideBefore = filesOutsideSeData();
        TestHttp.Response response = upload(name);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().path("file_id").asString();
        assertThat(response.json().path("original_filename").asString()).isEqualTo(name);

        Path file = dataFileOf(id);
        assertThat(file.normalize()).startsWith(seDir().resolve("data"));
        assertThat(Files.isRegularFile(file)).isTrue();
        String leaf = file.getFileName().toString();
        assertThat(leaf).doesNotContain("..", "/", "\\", "%");
        String base = leaf.contains(".") ? leaf.substring(0, leaf.indexOf('.')) : leaf;
        assertThat(Set.of("con", "prn", "aux", "nul", "com1", "lpt1")).doesNotContain(base.toLowerCase(Locale.ROOT));
        assertThat(filesOutsideSeData()).as("nothing written outside the SE data directories").isEqualTo(outsideBefore);

        TestHttp.Response download = search.get("/api/v1/files/" + id + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("content of " + name);
    }

    @ParameterizedTest(name = "[{index}] header injection")
    @ValueSource(strings = {"evil\r\nX-Injected: yes\r\n\r\n.txt", "a\"; filename=\"evil.exe", "x\nSet-Cookie: s=1.txt",
            "name;filename*=UTF-8''evil.exe"})
    void namesCannotInjectDownloadHeaders(String name) {
        TestHttp.Response response = upload(name);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.json().path("file_id").asString();
        assertThat(response.json().path("original_filename").asString()).isEqualTo(name);

        String token = CLIENTS.serviceToken("search");
        RawHttp.Answer raw = RawHttp.send(STACK.queryUrl(), "GET /api/v1/files/" + id + "/download HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n", new byte[0]);
        assertThat(raw.status()).isEqualTo(200);
        List<String> lines = raw.head().lines().skip(1).map(l -> l.toLowerCase(Locale.ROOT)).toList();
        assertThat(lines).as("no injected header line").noneMatch(l -> l.startsWith("x-injected") || l.startsWith("set-cookie"));
        assertThat(lines).filteredOn(l -> l.startsWith("content-disposition:")).hasSize(1);
        assertThat(lines).allMatch(l -> l.matches("[a-z0-9-]+: .*"), "every line is a well-formed header");

        String header = search.get("/api/v1/files/" + id + "/download").header("Content-Disposition");
        assertThat(header).startsWith("attachment; filename=\"");
        String quoted = header.substring("attachment; filename=\"".length(), header.indexOf("\"; filename*="));
        assertThat(quoted).doesNotContain("\"", "\r", "\n", ";", "\\");
        String encoded = header.substring(header.lastIndexOf("; filename*=UTF-8''") + "; filename*=UTF-8''".length());
        assertThat(encoded).doesNotContain(";", "\"", " ", "'");
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);
    }

    @Test
    void aNulByteInTheNameIs400AndNothingIsStored() {
        assertRejected("report\u0000.pdf.exe");
    }

    @Test
    void aNameLongerThanTheRegistryAllowsIs400AndNothingIsStored() {
        assertRejected("n".repeat(1010) + ".txt");
    }

    @Test
    void anEmptyNameIsStoredAsFile() {
        TestHttp.Response response = Clients.upload(ingest, Multipart.form().field("ttl_days", "1")
                .file("", "text/plain", "x".getBytes()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("original_filename").asString()).isEqualTo("file");
    }

    private void assertRejected(String name) {
        TestHttp admin = CLIENTS.admin();
        long registered = Hostile.registered(admin);
        int onDisk = Hostile.onDisk();
        Hostile.assertError(upload(name), 400, "VALIDATION_ERROR");
        StackSupport.eventually(java.time.Duration.ofSeconds(10), () -> Hostile.onDisk() == onDisk, "nothing on disk");
        assertThat(Hostile.registered(admin)).isEqualTo(registered);
    }

    @AfterAll
    static void stackStillHealthy() {
        Hostile.assertStackHealthy(STACK);
    }
}
