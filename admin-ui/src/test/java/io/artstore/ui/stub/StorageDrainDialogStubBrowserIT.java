package io.artstore.ui.stub;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drain dialog (issue 25) in Chromium against {@link FakeAdminModule}: a wrong typed
 * name (even with the browser's checks bypassed) is refused inside the dialog by the UI's
 * server and nothing is sent; the SE's exact name sends {@code POST .../drain}; the table
 * then shows the progress and cancels it. Also screenshots the dashboard's copies card,
 * the site dialog and a file's copies.
 */
class StorageDrainDialogStubBrowserIT extends StubBrowserTestBase {

    @Test
    void drainingNeedsTheNameTypedAndShowsProgressUntilCancelled() {
        Map<String, Object> se = FAKE.addStorageElement("Old SE 01", "se-old-01", "rw", "online", 100L << 30, 60L << 30);
        FAKE.addStorageElement("New SE 02", "se-new-02", "rw", "online", 100L << 30, 10L << 30);
        String id = (String) se.get("id");
        for (int i = 0; i < 4; i++) {
            FAKE.addFile(id, "doc-" + i + ".pdf", "active", "permanent", "", List.of());
        }
        browser.login("admin", "pw");
        browser.click(By.id("nav-storage"));
        browser.click(By.cssSelector("tr[data-storage-id='se-old-01'] .se-drain-button"));
        browser.find(By.id("se-drain-modal"));
        assertThat(browser.text(By.id("se-drain-modal"))).contains("Type the name of the storage element, Old SE 01, to confirm");
        browser.screenshot("stub-storage-drain-dialog");

        // nothing typed, a wrong case, a prefix: the UI's server refuses, the dialog stays open
        for (String wrong : List.of("", "old se 01", "Old SE")) {
            browser.type(By.id("drain-confirm-name"), wrong);
            browser.click(By.id("se-drain-submit"));
            browser.waitText(By.cssSelector("#se-drain-modal .alert-error"), "The typed name does not match Old SE 01");
        }
        browser.screenshot("stub-storage-drain-wrong-name");
        assertThat(FAKE.requests).noneMatch(request -> request.endsWith("/drain"));
        assertThat(se.get("drain_requested_at")).isNull();

        browser.type(By.id("drain-confirm-name"), "Old SE 01");
        browser.clickAndAwaitContent(By.id("se-drain-submit"));
        browser.waitText(By.id("alerts"), "Drain of Old SE 01 started");
        assertThat(FAKE.requests).containsOnlyOnce("POST /api/v1/storage-elements/" + id + "/drain");
        assertThat(browser.text(By.cssSelector("tr[data-storage-id='se-old-01'] .se-drain-progress")))
                .isEqualTo("4 of 4 files still to copy");

        se.put("drain", Map.of("files_total", 4, "files_remaining", 1));
        browser.go("/storage");
        assertThat(browser.text(By.cssSelector("tr[data-storage-id='se-old-01'] .se-drain-progress")))
                .isEqualTo("1 of 4 files still to copy");
        assertThat(browser.find(By.cssSelector("tr[data-storage-id='se-old-01'] .se-drain-meter")).getAttribute("value"))
                .isEqualTo("75");
        assertThat(browser.present(By.cssSelector("tr[data-storage-id='se-old-01'] .se-drain-button"))).isFalse();
        browser.screenshot("stub-storage-draining");

        browser.clickAndAwaitContent(By.cssSelector("tr[data-storage-id='se-old-01'] .se-drain-cancel"));
        browser.waitText(By.id("alerts"), "Drain of Old SE 01 cancelled.");
        assertThat(FAKE.requests).contains("DELETE /api/v1/storage-elements/" + id + "/drain");
        assertThat(browser.present(By.cssSelector("tr[data-storage-id='se-old-01'] .se-drain"))).isFalse();
    }

    @Test
    void siteLabelDashboardCopiesAndFileCopiesInTheBrowser() {
        Map<String, Object> a = FAKE.addStorageElement("SE A", "se-a", "rw", "online", 100L << 30, 10L << 30);
        a.put("last_scrub_at", Instant.now().minus(Duration.ofDays(2)).toString());
        Map<String, Object> b = FAKE.addStorageElement("SE B", "se-b", "rw", "online", 100L << 30, 10L << 30);
        b.put("last_scrub_at", Instant.now().minus(Duration.ofDays(50)).toString());
        Map<String, Object> file = FAKE.addFile((String) a.get("id"), "report.pdf", "active", "permanent", "", List.of());
        file.put("copies", List.of(Map.of("storage_element_id", a.get("id"), "status", "ok", "verified_at",
                Instant.now().toString()), Map.of("storage_element_id", b.get("id"), "status", "corrupt", "verified_at",
                "2026-10-01T00:00:00Z")));
        FAKE.replicationStatus = Map.of("files_under_replicated", 1, "files_without_healthy_copy", 0, "pending_copies", 1,
                "last_run_at", Instant.now().toString());

        browser.login("admin", "pw");
        assertThat(browser.text(By.id("files-under-replicated"))).isEqualTo("1");
        assertThat(browser.find(By.id("card-replication")).getAttribute("class")).contains("replication-warn");
        assertThat(browser.text(By.cssSelector("#dashboard-se-table tr[data-storage-id='se-b'] .se-scrub-warning")))
                .contains("more than 45 days");
        browser.screenshot("stub-dashboard-copies");

        browser.click(By.id("nav-storage"));
        browser.click(By.cssSelector("tr[data-storage-id='se-a'] .se-site-edit"));
        browser.type(By.id("se-site"), "dc-moscow");
        browser.clickAndAwaitContent(By.id("se-site-submit"));
        browser.waitText(By.id("alerts"), "Site of SE A set to dc-moscow.");
        assertThat(browser.text(By.cssSelector("tr[data-storage-id='se-a'] .se-site"))).isEqualTo("dc-moscow");
        browser.screenshot("stub-storage-site");

        browser.go("/files/" + file.get("file_id"));
        assertThat(browser.text(By.id("copies-count"))).isEqualTo("1 of 2 wanted copies healthy");
        assertThat(browser.all(By.cssSelector("#copies-table .copy-row"))).hasSize(2);
        browser.screenshot("stub-file-copies");
    }
}
