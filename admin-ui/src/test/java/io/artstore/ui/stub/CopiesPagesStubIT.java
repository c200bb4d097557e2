package io.artstore.ui.stub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25 in the UI, over plain HTTP against {@link FakeAdminModule}: the dashboard's
 * replication figures (and "unknown" when admin-module gives none) and last scrub per SE,
 * the copies of a file, the SE's site label (PATCH) and its drain (typed name checked by
 * the UI's server, POST/DELETE .../drain, progress).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "artstore.logging.format=text")
class CopiesPagesStubIT {

    private static final FakeAdminModule FAKE = FakeAdminModule.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void fakeServices(DynamicPropertyRegistry registry) {
        registry.add("artstore.ui.admin-url", FAKE::url);
        registry.add("artstore.ui.query-url", FAKE::url);
    }

    @BeforeEach
    void empty() {
        FAKE.outage = false;
        FAKE.replicationStatus = null;
        FAKE.replicationFails = false;
        FAKE.drainRefusal = null;
        FAKE.storageElements.clear();
        FAKE.files.clear();
        FAKE.requests.clear();
        FAKE.bodies.clear();
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    private UiUser loggedIn(String username) {
        UiUser user = new UiUser("http://127.0.0.1:" + port);
        assertThat(user.login(username, "pw", null).status()).isEqualTo(302);
        return user;
    }

    private static Map<String, Object> status(long under, long withoutHealthy, long pending, Instant lastRun) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("files_under_replicated", under);
        status.put("files_without_healthy_copy", withoutHealthy);
        status.put("pending_copies", pending);
        status.put("last_run_at", lastRun == null ? null : lastRun.toString());
        return status;
    }

    // ---- dashboard ----

    @Test
    void theDashboardShowsTheReplicationFiguresWithAWarningAndTheLastScrubPerSe() {
        FAKE.replicationStatus = status(3, 1, 2, Instant.parse("2026-12-01T10:00:00Z"));
        FAKE.addStorageElement("Fresh SE", "se-fresh", "rw", "online", 100L << 30, 10L << 30)
                .put("last_scrub_at", Instant.now().minus(Duration.ofDays(3)).toString());
        FAKE.addStorageElement("Stale SE", "se-stale", "rw", "online", 100L << 30, 10L << 30)
                .put("last_scrub_at", Instant.now().minus(Duration.ofDays(46)).toString());
        FAKE.addStorageElement("New SE", "se-new", "edit", "online", 100L << 30, 10L << 30);

        String page = loggedIn("admin").http.get("/").body();
        assertThat(page).contains("id=\"files-under-replicated\">3<").contains("id=\"files-without-healthy-copy\">1<")
                .contains("id=\"pending-copies\">2<").contains("2026-12-01 10:00:00 UTC")
                .contains("replication-warn").contains("Some files have no healthy copy at all")
                .doesNotContain("id=\"replication-unknown\"");
        assertThat(row(page, "se-fresh")).contains("scrub-ok").doesNotContain("se-scrub-warning");
        assertThat(row(page, "se-stale")).contains("scrub-overdue").contains("Last fixity check more than 45 days ago");
        assertThat(row(page, "se-new")).contains("scrub-never").contains(">never<").doesNotContain("se-scrub-warning");
        // the other figures are still there
        assertThat(page).contains("id=\"se-total\">3<");
    }

    @Test
    void healthyFiguresHaveNoWarning() {
        FAKE.replicationStatus = status(0, 0, 0, null);
        String page = loggedIn("admin").http.get("/").body();
        assertThat(page).contains("id=\"files-under-replicated\">0<").contains("replication-ok")
                .contains("id=\"replication-last-run\">never<").doesNotContain("id=\"replication-warning\"");
    }

    @Test
    void aMissingOrFailingReplicationStatusIsUnknownNotABrokenDashboard() {
        FAKE.addStorageElement("SE 1", "se-1", "rw", "online", 100L << 30, 10L << 30);
        UiUser admin = loggedIn("admin");
        for (boolean fails : List.of(false, true)) {
            FAKE.replicationStatus = null;
            FAKE.replicationFails = fails;
            TestHttp.Response page = admin.http.get("/");
            assertThat(page.status()).as("fails=" + fails).isEqualTo(200);
            assertThat(page.body()).contains("id=\"files-under-replicated\">unknown<")
                    .contains("id=\"files-without-healthy-copy\">unknown<").contains("id=\"replication-unknown\"")
                    .contains("replication-unknown").doesNotContain("replication-warn")
                    .contains("id=\"se-total\">1<").doesNotContain("Service not available");
        }
        admin.http.get("/keys?lang=ru");
        assertThat(admin.http.get("/").body()).contains("id=\"files-under-replicated\">неизвестно<");
    }

    // ---- file details ----

    @Test
    void theFileDetailsListTheCopiesWithTheirStorageElementsAndStatus() {
        Map<String, Object> a = FAKE.addStorageElement("SE A", "se-a", "rw", "online", 100L << 30, 10L << 30);
        Map<String, Object> b = FAKE.addStorageElement("SE B", "se-b", "rw", "online", 100L << 30, 10L << 30);
        Map<String, Object> file = FAKE.addFile((String) a.get("id"), "report.pdf", "active", "permanent", "d", List.of());
        List<Map<String, Object>> copies = new ArrayList<>();
        copies.add(Map.of("storage_element_id", a.get("id"), "status", "ok", "verified_at", "2026-11-30T08:00:00Z"));
        copies.add(Map.of("storage_element_id", b.get("id"), "status", "corrupt", "verified_at", "2026-10-01T08:00:00Z"));
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("storage_element_id", UUID.randomUUID().toString());
        gone.put("status", "missing");
        gone.put("verified_at", null);
        copies.add(gone);
        file.put("copies", copies);

        UiUser admin = loggedIn("admin");
        String dialog = admin.http.get("/files/" + file.get("file_id"), "HX-Request", "true", "HX-Target", "modal").body();
        assertThat(dialog).contains("1 of 2 wanted copies healthy").contains("copies-below-wanted")
                .contains(">SE A<").contains(">SE B<").contains("(not in the registry)")
                .contains("copy-ok").contains("copy-corrupt").contains("copy-missing")
                .contains("2026-11-30 08:00:00 UTC").contains(">not yet<");

        file.put("copies", List.of(Map.of("storage_element_id", a.get("id"), "status", "ok", "verified_at",
                "2026-11-30T08:00:00Z"), Map.of("storage_element_id", b.get("id"), "status", "ok", "verified_at",
                "2026-11-30T08:00:00Z")));
        String healthy = admin.http.get("/files/" + file.get("file_id")).body();
        assertThat(healthy).contains("2 of 2 wanted copies healthy").doesNotContain("id=\"copies-below-wanted\"");
        admin.http.get("/keys?lang=ru");
        assertThat(admin.http.get("/files/" + file.get("file_id")).body()).contains("Исправных копий: 2 из 2 нужных")
                .contains("исправна");

        // an admin-module without copies: no copies section at all
        file.remove("copies");
        file.remove("copies_wanted");
        assertThat(admin.http.get("/files/" + file.get("file_id")).body()).doesNotContain("id=\"file-copies\"");
    }

    // ---- site label ----

    @Test
    void theSiteLabelIsShownAndChangedThroughPatch() {
        Map<String, Object> se = FAKE.addStorageElement("SE 1", "se-1", "rw", "online", 100L << 30, 10L << 30);
        String id = (String) se.get("id");
        UiUser admin = loggedIn("admin");
        assertThat(row(admin.http.get("/storage").body(), "se-1")).contains("own id (no label)").contains("se-site-edit");
        assertThat(admin.http.get("/storage/" + id + "/site").body()).contains("id=\"se-site-form\"");

        String csrf = admin.csrf();
        // blank and too long: refused in the dialog, nothing sent
        for (String bad : List.of("   ", "x".repeat(101))) {
            TestHttp.Response refused = admin.post("/storage/" + id + "/site", new String[] {"site", bad},
                    "HX-Request", "true", "HX-Target", "modal", "X-CSRF-TOKEN", csrf);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body()).contains("The site label must have 1 to 100 characters");
        }
        assertThat(FAKE.requests).noneMatch(r -> r.startsWith("PATCH"));

        TestHttp.Response saved = admin.post("/storage/" + id + "/site", new String[] {"site", "  dc-a "},
                "HX-Request", "true", "HX-Target", "modal", "X-CSRF-TOKEN", csrf);
        assertThat(saved.header("HX-Location")).contains("/storage");
        assertThat(FAKE.bodies.get("PATCH /api/v1/storage-elements/" + id)).isEqualTo(Map.of("site", "dc-a"));
        String page = admin.http.get("/storage").body();
        assertThat(page).contains("Site of SE 1 set to dc-a.");
        assertThat(row(page, "se-1")).contains(">dc-a<").doesNotContain("own id");
        // the dialog offers the label to change, and the search finds the SE by it
        assertThat(admin.http.get("/storage/" + id + "/site").body()).contains("value=\"dc-a\"");
        FAKE.addStorageElement("SE 2", "se-2", "rw", "online", 100L << 30, 10L << 30);
        String found = admin.http.get("/storage?q=DC-A").body();
        assertThat(found).contains("data-storage-id=\"se-1\"").doesNotContain("data-storage-id=\"se-2\"");
    }

    // ---- drain ----

    @Test
    void aDrainNeedsTheTypedNameShowsItsProgressAndCanBeCancelled() {
        Map<String, Object> se = FAKE.addStorageElement("Old SE", "se-old", "rw", "online", 100L << 30, 10L << 30);
        String id = (String) se.get("id");
        FAKE.addFile(id, "a.txt", "active", "permanent", "a", List.of());
        FAKE.addFile(id, "b.txt", "active", "permanent", "b", List.of());
        UiUser admin = loggedIn("admin");
        assertThat(row(admin.http.get("/storage").body(), "se-old")).contains("se-drain-button")
                .doesNotContain("se-drain-cancel");
        assertThat(admin.http.get("/storage/" + id + "/delete").body()).contains("id=\"se-delete-drain-first\"");
        assertThat(admin.http.get("/storage/" + id + "/drain").body()).contains("id=\"se-drain-form\"")
                .contains("Type the name of the storage element, Old SE, to confirm");
        String csrf = admin.csrf();

        for (String wrong : List.of("", "old se", "Old")) {
            TestHttp.Response refused = admin.post("/storage/" + id + "/drain", new String[] {"confirm_name", wrong},
                    "HX-Request", "true", "HX-Target", "modal", "X-CSRF-TOKEN", csrf);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body()).contains("The typed name does not match Old SE. The drain was not started.");
        }
        // a plain form post (no JavaScript) is held to the same rule
        TestHttp.Response plain = admin.post("/storage/" + id + "/drain", new String[] {"_csrf", csrf, "confirm_name", "x"});
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body()).contains("The typed name does not match Old SE");
        assertThat(FAKE.requests).noneMatch(r -> r.endsWith("/drain"));

        TestHttp.Response started = admin.post("/storage/" + id + "/drain", new String[] {"confirm_name", "Old SE"},
                "HX-Request", "true", "HX-Target", "modal", "X-CSRF-TOKEN", csrf);
        assertThat(started.header("HX-Location")).contains("/storage");
        assertThat(FAKE.requests).containsOnlyOnce("POST /api/v1/storage-elements/" + id + "/drain");
        se.put("drain", Map.of("files_total", 2, "files_remaining", 1));
        String page = admin.http.get("/storage").body();
        assertThat(page).contains("Drain of Old SE started");
        assertThat(admin.http.get("/storage/" + id + "/delete").body()).doesNotContain("id=\"se-delete-drain-first\"");
        assertThat(row(page, "se-old")).contains("draining").contains("1 of 2 files still to copy")
                .contains("se-drain-meter").contains("value=\"50\"").contains("se-drain-cancel")
                .doesNotContain("se-drain-button");

        // already draining: refused by the UI without asking admin-module again
        TestHttp.Response again = admin.post("/storage/" + id + "/drain", new String[] {"confirm_name", "Old SE"},
                "HX-Request", "true", "HX-Target", "modal", "X-CSRF-TOKEN", csrf);
        assertThat(again.body()).contains("Old SE is already being drained.");
        assertThat(FAKE.requests).containsOnlyOnce("POST /api/v1/storage-elements/" + id + "/drain");

        se.put("drain", Map.of("files_total", 2, "files_remaining", 0));
        assertThat(row(admin.http.get("/storage").body(), "se-old")).contains("Drain complete: all 2 files");

        TestHttp.Response cancelled = admin.post("/storage/" + id + "/drain/cancel", new String[0],
                "HX-Request", "true", "HX-Target", "content", "X-CSRF-TOKEN", csrf);
        assertThat(cancelled.header("HX-Location")).contains("/storage");
        assertThat(FAKE.requests).contains("DELETE /api/v1/storage-elements/" + id + "/drain");
        page = admin.http.get("/storage").body();
        assertThat(page).contains("Drain of Old SE cancelled.");
        assertThat(row(page, "se-old")).doesNotContain("se-drain-cancel").contains("se-drain-button");

        admin.http.get("/keys?lang=ru");
        assertThat(admin.http.get("/storage/" + id + "/drain").body())
                .contains("Введите имя элемента хранения, Old SE, для подтверждения");
    }

    @Test
    void adminModuleRefusingTheDrainIsShownInTheDialog() {
        Map<String, Object> se = FAKE.addStorageElement("SE 1", "se-1", "rw", "online", 100L << 30, 10L << 30);
        String id = (String) se.get("id");
        UiUser admin = loggedIn("admin");
        String csrf = admin.csrf();
        FAKE.drainRefusal = "no other storage element can take the copies";
        TestHttp.Response refused = admin.post("/storage/" + id + "/drain", new String[] {"confirm_name", "SE 1"},
                "HX-Request", "true", "HX-Target", "modal", "X-CSRF-TOKEN", csrf);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"se-drain-modal\"")
                .contains("Conflict: no other storage element can take the copies");
        assertThat(se.get("drain_requested_at")).isNull();
        // cancelling the drain of an SE that is gone: the not-found page
        TestHttp.Response gone = admin.post("/storage/" + UUID.randomUUID() + "/drain/cancel", new String[] {"_csrf", csrf});
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void aReadonlyUserSeesNoSiteOrDrainControlsAndCannotUseThem() {
        Map<String, Object> se = FAKE.addStorageElement("SE 1", "se-1", "rw", "online", 100L << 30, 10L << 30);
        String id = (String) se.get("id");
        se.put("drain_requested_at", Instant.now().toString());
        se.put("drain", Map.of("files_total", 4, "files_remaining", 3));
        UiUser viewer = loggedIn("viewer");
        String row = row(viewer.http.get("/storage").body(), "se-1");
        assertThat(row).contains("3 of 4 files still to copy").doesNotContain("se-site-edit")
                .doesNotContain("se-drain-button").doesNotContain("se-drain-cancel");
        String csrf = viewer.csrf();
        for (String path : List.of("/storage/" + id + "/drain", "/storage/" + id + "/drain/cancel", "/storage/" + id + "/site")) {
            TestHttp.Response refused = viewer.post(path, new String[] {"_csrf", csrf, "confirm_name", "SE 1", "site", "x"});
            assertThat(refused.status()).as(path).isEqualTo(403);
        }
        assertThat(FAKE.requests).noneMatch(r -> r.startsWith("PATCH") || r.endsWith("/drain"));
    }

    @Test
    void anOutageShowsTheUnavailablePageAndMalformedIdsTheNotFoundPage() {
        Map<String, Object> se = FAKE.addStorageElement("SE 1", "se-1", "rw", "online", 100L << 30, 10L << 30);
        String id = (String) se.get("id");
        UiUser admin = loggedIn("admin");
        String csrf = admin.csrf();
        for (String path : List.of("/storage/not-a-uuid/site", "/storage/not-a-uuid/drain")) {
            assertThat(admin.http.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(admin.post("/storage/not-a-uuid/drain/cancel", new String[] {"_csrf", csrf}).status()).isEqualTo(404);
        FAKE.outage = true;
        for (String path : List.of("/storage/" + id + "/site", "/storage/" + id + "/drain", "/storage")) {
            TestHttp.Response page = admin.http.get(path);
            assertThat(page.status()).as(path).isEqualTo(502);
            assertThat(page.body()).contains("data-error=\"upstream\"").contains("Service not available");
        }
        TestHttp.Response post = admin.post("/storage/" + id + "/drain", new String[] {"_csrf", csrf, "confirm_name", "SE 1"});
        assertThat(post.status()).isEqualTo(502);
    }

    /** The table row of the SE with {@code storageId} in {@code page}. */
    private static String row(String page, String storageId) {
        int start = page.indexOf("data-storage-id=\"" + storageId + "\"");
        assertThat(start).as("row of " + storageId).isNotNegative();
        int end = page.indexOf("</tr>", start);
        return page.substring(start, end);
    }
}
