package io.artstore.system.hostile;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.artstore.devstack.LocalStack;
import io.artstore.system.Clients;
import io.artstore.system.SystemStack;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin UI over plain HTTP with a logged-in session: script in file names, descriptions
 * and tags is shown escaped, and a change posted without the session's CSRF token is 403 and
 * changes nothing.
 */
class UiHostileIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final Clients CLIENTS = new Clients(STACK);
    private static final String MARK = "xss" + UUID.randomUUID().toString().substring(0, 6);
    private static final String NAME = "<script>alert(1)</script>" + MARK + ".txt";
    private static final String DESCRIPTION = "<img src=x onerror=alert(2)>";
    private static final String TAG = "\"><svg onload=alert(3)>";
    private static String fileId;

    @BeforeAll
    static void upload() {
        TestHttp.Response response = Clients.upload(CLIENTS.ingester(CLIENTS.serviceToken("ingest")),
                Multipart.form().field("ttl_days", "2").field("description", DESCRIPTION)
                        .field("tags", "[\"" + TAG.replace("\"", "\\\"") + "\"]")
                        .file(NAME, "text/html", "<script>alert(4)</script>".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        fileId = response.json().path("file_id").asString();
    }

    /** A browser-like session: cookies kept, redirects not followed. */
    private static final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(STACK.uiUrl() + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(STACK.uiUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }

        /** The CSRF token of a page: hidden form field or the meta tag the HTMX requests use. */
        static String csrf(String html) {
            Matcher field = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
            if (field.find()) {
                return field.group(1);
            }
            Matcher meta = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
            assertThat(meta.find()).as("a CSRF token on the page").isTrue();
            return meta.group(1);
        }

        Session login() {
            String token = csrf(get("/login").body());
            HttpResponse<String> response = post("/login", Map.of("username", STACK.credentials().adminUsername(),
                    "password", STACK.credentials().adminPassword(), "_csrf", token));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("login");
            return this;
        }
    }

    private static void assertEscaped(String html) {
        assertThat(html).doesNotContain("<script>alert(1)", "<img src=x onerror", "<svg onload");
    }

    @Test
    void hostileNamesDescriptionsAndTagsAreEscapedInTheFilesPages() {
        Session session = new Session().login();
        HttpResponse<String> list = session.get("/files?q=" + MARK);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;" + MARK);
        assertEscaped(list.body());

        HttpResponse<String> metadata = session.get("/files/" + fileId);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("&lt;img src=x onerror=alert(2)&gt;");
        assertEscaped(metadata.body());

        HttpResponse<String> edit = session.get("/files/" + fileId + "/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertEscaped(edit.body());
        assertThat(edit.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    @Test
    void aHostileSearchTermIsEscapedWhereItIsEchoed() {
        Session session = new Session().login();
        HttpResponse<String> page = session.get("/files?q=" + URLEncoder.encode("\"><script>alert(5)</script>",
                StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(5)");
    }

    @Test
    void changesWithoutTheCsrfTokenAre403AndChangeNothing() {
        Session session = new Session().login();
        assertThat(session.post("/files/" + fileId + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(session.post("/files/" + fileId + "/delete", Map.of("_csrf", "forged-token")).statusCode()).isEqualTo(403);
        assertThat(session.post("/files/" + fileId, Map.of("description", "defaced", "tags", "")).statusCode()).isEqualTo(403);
        assertThat(session.post("/keys/rotate", Map.of()).statusCode()).isEqualTo(403);
        assertThat(session.post("/access/users", Map.of("username", "csrf-intruder", "password", "csrf-intruder-1",
                "role", "admin")).statusCode()).isEqualTo(403);

        var record = CLIENTS.admin().get("/api/v1/files/" + fileId).json();
        assertThat(record.path("status").asString()).isEqualTo("active");
        assertThat(record.path("description").asString()).isEqualTo(DESCRIPTION);
        assertThat(CLIENTS.admin().get("/api/v1/admin-users?limit=1000").body()).doesNotContain("csrf-intruder");
    }

    @Test
    void aLoginPostedWithoutTheCsrfTokenIs403() {
        Session session = new Session();
        session.get("/login");
        HttpResponse<String> response = session.post("/login", Map.of("username", STACK.credentials().adminUsername(),
                "password", STACK.credentials().adminPassword()));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(session.get("/files").statusCode()).as("not logged in").isEqualTo(302);
    }

    @AfterAll
    static void stackStillHealthy() {
        Hostile.assertStackHealthy(STACK);
    }
}
