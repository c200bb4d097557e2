package io.artstore.storage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.artstore.kernel.security.Scopes;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;

/** Shared pieces of the storage-element integration tests. */
public final class SeTest {

    /** One token issuer (JWKS on loopback) for all test classes of this JVM. */
    public static final TestTokenIssuer ISSUER = TestTokenIssuer.start();

    private SeTest() {
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A client with a service token carrying every file and storage scope. */
    public static TestHttp client(int port) {
        return TestHttp.to("http://127.0.0.1:" + port).withToken(ISSUER.serviceToken("sa_tester",
                Scopes.FILES_READ, Scopes.FILES_WRITE, Scopes.STORAGE_READ, Scopes.STORAGE_WRITE));
    }

    public static TestHttp.Response upload(TestHttp http, Multipart form) {
        return http.send(http.request("/api/v1/files/upload").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toBytes())));
    }

    public static TestHttp.Response upload(TestHttp http, String filename, byte[] content, String... fields) {
        Multipart form = Multipart.form();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.field(fields[i], fields[i + 1]);
        }
        form.file(filename, "application/octet-stream", content);
        return upload(http, form);
    }

    /** Every regular file below {@code dir}, as relative paths. */
    public static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
