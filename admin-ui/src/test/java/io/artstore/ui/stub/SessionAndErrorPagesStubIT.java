package io.artstore.ui.stub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over plain HTTP against {@link FakeAdminModule}: how the UI answers a session that ended
 * (on the UI's side or at admin-module), a stale CSRF token, a role that may not act, and
 * malformed addresses (400/404 pages in English and Russian, never the 502 page unless
 * admin-module really is down).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "artstore.logging.format=text")
class SessionAndErrorPagesStubIT {

    private static final FakeAdminModule FAKE = FakeAdminModule.start();
    private static final String MALFORMED = "not-a-uuid";

    @LocalServerPort
    int port;

    @Autowired
    ServerSessions sessions;

    private String fileId;
    private String seId;

    @TestConfiguration
    static class Sessions {
        @Bean
        ServerSessions serverSessions() {
            return new ServerSessions();
        }
    }

    @DynamicPropertySource
    static void fakeServices(DynamicPropertyRegistry registry) {
        registry.add("artstore.ui.admin-url", FAKE::url);
        registry.add("artstore.ui.query-url", FAKE::url);
    }

    @BeforeEach
    void data() {
        FAKE.outage = false;
        FAKE.storageElements.clear();
        FAKE.files.clear();
        seId = (String) FAKE.addStorageElement("SE 1", "se-1", "rw", "online", 100L << 30, 10L << 30).get("id");
        fileId = (String) FAKE.addFile(seId, "report.txt", "active", "permanent", "d", List.of()).get("file_id");
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private UiUser loggedIn(String username) {
        UiUser user = new UiUser(base());
        assertThat(user.login(username, "pw", null).status()).isEqualTo(302);
        return user;
    }

    // ---- session end, stale form, role ----

    @Test
    void dialogSaveAfterTheSessionEndedGoesToTheLoginPageAndBackToThePage() {
        double endedBefore = refusals("session_ended");
        UiUser admin = loggedIn("admin");
        String csrf = admin.csrf();
        sessions.invalidateAll();

        TestHttp.Response save = admin.post("/files/" + fileId, new String[] {"description", "typed", "tags", ""},
                "HX-Request", "true", "HX-Target", "modal", "X-CSRF-TOKEN", csrf,
                "HX-Current-URL", base() + "/files?status=active&page=1");
        assertThat(save.status()).isEqualTo(401);
        String redirect = save.header("HX-Redirect");
        assertThat(redirect).startsWith("/login?expired&continue=");
        assertThat(refusals("session_ended")).isGreaterThan(endedBefore);
        assertThat(URLDecoder.decode(redirect.substring(redirect.indexOf("continue=") + 9), StandardCharsets.UTF_8))
                .isEqualTo("/files?status=active&page=1");

        TestHttp.Response login = admin.http.get(redirect);
        assertThat(login.body()).contains("id=\"login-expired\"").contains("Your session has ended")
                .doesNotContain("Your role does not allow");
        TestHttp.Response back = admin.login("admin", "pw", "/files?status=active&page=1");
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).endsWith("/files?status=active&page=1");
    }

    @Test
    void aPlainPageAfterTheSessionEndedSaysSoAndComesBack() {
        UiUser admin = loggedIn("admin");
        sessions.invalidateAll();
        TestHttp.Response page = admin.http.get("/storage?mode=rw");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login?expired&continue=%2Fstorage%3Fmode%3Drw");
        // a plain form post goes back to the page it was sent from (Referer), not to the POST target
        UiUser other = loggedIn("admin");
        String csrf = other.csrf();
        sessions.invalidateAll();
        TestHttp.Response post = other.post("/storage/" + seId + "/sync", new String[] {"_csrf", csrf},
                "Referer", base() + "/storage");
        assertThat(post.header("Location")).endsWith("/login?expired&continue=%2Fstorage");
    }

    @Test
    void anAdminModuleRejectingTheTokenEndsTheSessionTheSameWay() {
        UiUser admin = loggedIn("admin");
        FAKE.tokenRoles.clear();
        TestHttp.Response table = admin.http.get("/files?status=active", "HX-Request", "true", "HX-Target", "table",
                "HX-Current-URL", base() + "/files");
        assertThat(table.status()).isEqualTo(401);
        assertThat(table.header("HX-Redirect")).isEqualTo("/login?expired&continue=%2Ffiles");
        // the UI session is gone too
        assertThat(admin.http.get("/files").header("Location")).contains("/login?expired");
    }

    @Test
    void returnTargetsAreOnlyPathsOfTheUi() {
        for (String hostile : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "/login?x", "http://127.0.0.1:" + port + "/files")) {
            TestHttp.Response login = new UiUser(base()).login("admin", "pw", hostile);
            assertThat(login.header("Location")).as(hostile).isEqualTo(base() + "/");
        }
        UiUser admin = loggedIn("admin");
        TestHttp.Response foreign = admin.http.get("/files", "HX-Request", "true", "HX-Current-URL",
                "https://evil.example/files");
        assertThat(foreign.status()).isEqualTo(200);
        sessions.invalidateAll();
        TestHttp.Response redirect = admin.http.get("/files", "HX-Request", "true", "HX-Current-URL",
                "https://evil.example/files");
        assertThat(redirect.header("HX-Redirect")).isEqualTo("/login?expired");
    }

    @Test
    void aStaleCsrfTokenOfALiveSessionIsAnExpiredFormNotARoleProblem() {
        double expiredBefore = refusals("form_expired");
        UiUser admin = loggedIn("admin");
        TestHttp.Response htmx = admin.post("/files/" + fileId, new String[] {"description", "typed", "tags", ""},
                "HX-Request", "true", "HX-Target", "modal", "X-CSRF-TOKEN", "stale-token");
        assertThat(htmx.status()).isEqualTo(403);
        assertThat(htmx.header("HX-Retarget")).isEqualTo("closest .body");
        assertThat(htmx.header("HX-Reswap")).isEqualTo("afterbegin");
        assertThat(htmx.body()).contains("data-form-expired").contains("This form has expired. Reload the page")
                .doesNotContain("Your role");

        TestHttp.Response plain = admin.post("/files/" + fileId, new String[] {"description", "typed", "_csrf", "stale"});
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.body()).contains("data-error=\"form-expired\"").doesNotContain("Your role");
        assertThat(FAKE.files.get(fileId).get("description")).isEqualTo("d");
        assertThat(refusals("form_expired")).isEqualTo(expiredBefore + 2);
    }

    @Test
    void aLoginFormOlderThanItsSessionIsAnExpiredForm() {
        UiUser user = new UiUser(base());
        assertThat(user.http.get("/login").status()).isEqualTo(200);
        sessions.invalidateAll();
        TestHttp.Response login = user.post("/login", new String[] {"_csrf", "from-the-old-page", "username", "admin",
                "password", "pw"});
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.body()).contains("data-error=\"form-expired\"").doesNotContain("Your role");
    }

    @Test
    void aReadonlyUsersForbiddenActionStillShowsTheRoleMessage() {
        double roleBefore = refusals("role");
        UiUser viewer = loggedIn("viewer");
        String csrf = viewer.csrf();
        TestHttp.Response htmx = viewer.post("/files/" + fileId + "/delete", new String[0], "HX-Request", "true",
                "HX-Target", "modal", "X-CSRF-TOKEN", csrf);
        assertThat(htmx.status()).isEqualTo(403);
        assertThat(htmx.header("HX-Retarget")).isEqualTo("#alerts");
        assertThat(htmx.body()).contains("Your role does not allow this action.").doesNotContain("expired");
        TestHttp.Response plain = viewer.post("/files/" + fileId + "/delete", new String[] {"_csrf", csrf});
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.body()).contains("data-error=\"403\"").contains("Your role does not allow this action.");
        assertThat(FAKE.files.get(fileId).get("status")).isEqualTo("active");
        assertThat(refusals("role")).isEqualTo(roleBefore + 2);
    }

    // ---- malformed addresses ----

    static Stream<Arguments> malformedRoutes() {
        String unknown = UUID.randomUUID().toString();
        return Stream.of(
                // object ids that are no UUID name nothing: 404
                Arguments.of("GET", "/files/" + MALFORMED, 404),
                Arguments.of("GET", "/files/" + MALFORMED + "/edit", 404),
                Arguments.of("GET", "/files/" + MALFORMED + "/delete", 404),
                Arguments.of("GET", "/files/" + MALFORMED + "/download", 404),
                Arguments.of("GET", "/files/" + unknown, 404),
                Arguments.of("GET", "/storage/" + MALFORMED + "/edit", 404),
                Arguments.of("GET", "/storage/" + MALFORMED + "/mode", 404),
                Arguments.of("GET", "/storage/" + MALFORMED + "/delete", 404),
                Arguments.of("GET", "/storage/" + MALFORMED + "/site", 404),
                Arguments.of("GET", "/storage/" + MALFORMED + "/drain", 404),
                Arguments.of("GET", "/storage/" + unknown + "/drain", 404),
                Arguments.of("GET", "/storage/" + unknown + "/edit", 404),
                Arguments.of("GET", "/access/users/" + MALFORMED + "/edit", 404),
                Arguments.of("GET", "/access/users/" + MALFORMED + "/password", 404),
                Arguments.of("GET", "/access/users/" + MALFORMED + "/delete", 404),
                Arguments.of("GET", "/access/accounts/" + MALFORMED + "/edit", 404),
                Arguments.of("GET", "/access/accounts/" + MALFORMED + "/rotate", 404),
                Arguments.of("GET", "/access/accounts/" + MALFORMED + "/delete", 404),
                Arguments.of("POST", "/files/" + MALFORMED, 404),
                Arguments.of("POST", "/files/" + MALFORMED + "/delete", 404),
                Arguments.of("POST", "/storage/" + MALFORMED + "/sync", 404),
                Arguments.of("POST", "/storage/" + MALFORMED + "/mode", 404),
                Arguments.of("POST", "/storage/" + MALFORMED + "/site", 404),
                Arguments.of("POST", "/storage/" + MALFORMED + "/drain", 404),
                Arguments.of("POST", "/storage/" + MALFORMED + "/drain/cancel", 404),
                Arguments.of("POST", "/access/users/" + MALFORMED + "/unlock", 404),
                Arguments.of("POST", "/access/accounts/" + MALFORMED + "/rotate", 404),
                // filters and paging outside their values: 400
                Arguments.of("GET", "/files?status=bogus", 400),
                Arguments.of("GET", "/files?retention=forever", 400),
                Arguments.of("GET", "/files?se=" + MALFORMED, 400),
                Arguments.of("GET", "/files?page=0", 400),
                Arguments.of("GET", "/files?page=-3", 400),
                Arguments.of("GET", "/files?page=abc", 400),
                Arguments.of("GET", "/files?page=100000000", 400),
                Arguments.of("GET", "/files?page=99999999999", 400),
                Arguments.of("GET", "/files?q=x&status=bogus", 400),
                Arguments.of("GET", "/storage?mode=xx", 400),
                Arguments.of("GET", "/storage?status=bogus", 400),
                Arguments.of("GET", "/storage?page=0", 400),
                Arguments.of("GET", "/storage?page=abc", 400));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("malformedRoutes")
    void malformedRoutesAnswer400Or404Pages(String method, String path, int status) {
        UiUser admin = loggedIn("admin");
        String csrf = admin.csrf();
        Map<String, String> en = Map.of("400", "An identifier or parameter in this address is not valid.",
                "404", "This page or object does not exist.");
        Map<String, String> ru = Map.of("400", "Идентификатор или параметр в этом адресе недопустим.",
                "404", "Такой страницы или объекта нет.");

        TestHttp.Response page = send(admin, method, path, csrf);
        assertThat(page.status()).as(path).isEqualTo(status);
        assertThat(page.body()).contains("data-error=\"" + status + "\"").contains(en.get(String.valueOf(status)))
                .doesNotContain("Service not available");

        admin.http.get("/keys?lang=ru");
        TestHttp.Response russian = send(admin, method, path, csrf);
        assertThat(russian.status()).isEqualTo(status);
        assertThat(russian.body()).contains("data-error=\"" + status + "\"").contains(ru.get(String.valueOf(status)));
        admin.http.get("/keys?lang=en");

        // the HTMX fragment route answers with the same status and the message in the alert area
        TestHttp.Response fragment = send(admin, method, path, csrf, "HX-Request", "true", "HX-Target",
                path.contains("?") ? "table" : "modal", "HX-Current-URL", base() + "/files");
        assertThat(fragment.status()).isEqualTo(status);
        assertThat(fragment.header("HX-Retarget")).isEqualTo("#alerts");
        assertThat(fragment.body()).contains("alert-error").doesNotContain("<html");
    }

    @Test
    void anAdminModuleOutageStillShowsTheUnavailablePage() {
        UiUser admin = loggedIn("admin");
        FAKE.outage = true;
        for (String path : List.of("/files", "/files/" + fileId, "/storage", "/storage/" + seId + "/edit")) {
            TestHttp.Response page = admin.http.get(path);
            assertThat(page.status()).as(path).isEqualTo(502);
            assertThat(page.body()).contains("data-error=\"upstream\"").contains("Service not available");
        }
    }

    /** {@code artstore_ui_refusals_total} of {@code reason} from the UI's Prometheus metrics. */
    private double refusals(String reason) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^artstore_ui_refusals_total\\{[^}]*reason=\""
                + reason + "\"[^}]*} ([0-9.E]+)$").matcher(TestHttp.to(base()).get("/metrics").body());
        assertThat(m.find()).as("refusals metric " + reason).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static TestHttp.Response send(UiUser user, String method, String path, String csrf, String... headers) {
        if (method.equals("GET")) {
            return user.http.get(path, headers);
        }
        String[] all = Stream.concat(Stream.of(headers), Stream.of("X-CSRF-TOKEN", csrf)).toArray(String[]::new);
        return user.post(path, new String[0], all);
    }

}
