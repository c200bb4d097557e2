package io.artstore.ui.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.artstore.ui.browser.Browser;
import io.artstore.ui.browser.BrowserRequired;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage, file and dashboard pages in a real browser against {@link FakeAdminModule},
 * an in-memory stand-in built from admin-module's contract (part 2) and query-module's
 * download. It checks the UI's side of those pages now; the same flows against the real
 * services are {@code StorageBrowserIT}/{@code FilesBrowserIT}.
 */
class RegistryPagesStubBrowserIT extends StubBrowserTestBase {

    @Test
    void dashboardAndStorageElementsPage() {
        Map<String, Object> rw = FAKE.addStorageElement("Moscow SE 01", "se-msk-01", "rw", "online", 100L << 30, 40L << 30);
        FAKE.addStorageElement("Archive SE", "se-arch-01", "ro", "degraded", 200L << 30, 170L << 30);
        FAKE.addStorageElement("Edit SE", "se-edit-01", "edit", "offline", 50L << 30, 48L << 30);
        FAKE.addFile((String) rw.get("id"), "a.txt", "active", "permanent", "a", List.of());
        FAKE.addFile((String) rw.get("id"), "b.txt", "deleted", "temporary", "b", List.of());

        browser.login("admin", "pw");
        assertThat(browser.text(By.id("se-total"))).isEqualTo("3");
        assertThat(browser.text(By.id("se-mode-rw"))).isEqualTo("1");
        assertThat(browser.text(By.id("se-status-degraded"))).isEqualTo("1");
        assertThat(browser.text(By.id("files-total"))).isEqualTo("2");
        assertThat(browser.text(By.id("files-status-deleted"))).isEqualTo("1");
        assertThat(browser.text(By.id("capacity-total"))).isEqualTo("350.0 GiB");
        assertThat(browser.text(By.id("capacity-used"))).isEqualTo("258.0 GiB");
        browser.screenshot("stub-dashboard");

        browser.click(By.id("nav-storage"));
        assertThat(browser.all(By.cssSelector("#storage-table tbody tr"))).hasSize(3);
        assertThat(browser.find(By.cssSelector("tr[data-storage-id='se-arch-01'] .se-status")).getAttribute("class"))
                .contains("status-degraded");
        assertThat(browser.find(By.cssSelector("tr[data-storage-id='se-arch-01'] meter")).getAttribute("value")).isEqualTo("85");
        browser.screenshot("stub-storage");

        new Select(browser.find(By.id("filter-mode"))).selectByValue("ro");
        browser.waitGone(By.cssSelector("tr[data-storage-id='se-msk-01']"));
        assertThat(browser.all(By.cssSelector("#storage-table tbody tr"))).hasSize(1);
        new Select(browser.find(By.id("filter-mode"))).selectByValue("");
        browser.type(By.id("se-search"), "moscow");
        browser.waitGone(By.cssSelector("tr[data-storage-id='se-arch-01']"));
        assertThat(browser.path()).contains("q=moscow");
        browser.go("/storage");

        // discover: an unreachable SE is a message in the dialog; a reachable one can be registered
        browser.click(By.id("discover-button"));
        browser.type(By.id("discover-url"), "http://wrong.example");
        browser.script("document.getElementById('discover-url').type = 'text'");
        browser.click(By.id("discover-submit"));
        browser.waitText(By.cssSelector("#discover-modal .alert-error"), "not reachable");
        browser.type(By.id("discover-url"), "https://se-new.example:8010");
        browser.click(By.id("discover-submit"));
        assertThat(browser.text(By.id("discovered-storage-id"))).isEqualTo("se-discovered");
        browser.screenshot("stub-storage-discover");
        browser.type(By.id("register-name"), "New SE");
        browser.clickAndAwaitContent(By.id("register-submit"));
        browser.waitText(By.id("alerts"), "Storage element New SE (se-discovered) registered");
        assertThat(browser.all(By.cssSelector("#storage-table tbody tr"))).hasSize(4);

        browser.clickAndAwaitContent(By.cssSelector("tr[data-storage-id='se-msk-01'] .se-sync"));
        browser.waitText(By.id("alerts"), "Sync of Moscow SE 01 done: 2 files on the storage element, 1 added, 2 updated, 0 marked deleted.");
        browser.screenshot("stub-storage-synced");

        browser.click(By.cssSelector("tr[data-storage-id='se-msk-01'] .se-mode-change"));
        new Select(browser.find(By.id("target-mode"))).selectByValue("ro");
        browser.clickAndAwaitContent(By.id("se-mode-submit"));
        browser.waitText(By.id("alerts"), "Mode of Moscow SE 01 changed from rw to ro.");
        browser.click(By.cssSelector("tr[data-storage-id='se-msk-01'] .se-mode-change"));
        new Select(browser.find(By.id("target-mode"))).selectByValue("rw");
        browser.click(By.id("se-mode-submit"));
        browser.waitText(By.cssSelector("#se-mode-modal .alert-error"), "Confirm the rollback");
        browser.screenshot("stub-storage-mode-confirm");
        assertThat(FAKE.storageElements.get(rw.get("id")).get("mode")).isEqualTo("ro");
        new Select(browser.find(By.id("target-mode"))).selectByValue("rw");
        browser.click(By.id("mode-confirm"));
        browser.clickAndAwaitContent(By.id("se-mode-submit"));
        browser.waitText(By.id("alerts"), "changed from ro to rw");
        assertThat(FAKE.storageElements.get(rw.get("id")).get("mode")).isEqualTo("rw");

        browser.click(By.cssSelector("tr[data-storage-id='se-msk-01'] .se-edit"));
        browser.type(By.id("se-name"), "Moscow SE 01 (main)");
        browser.clickAndAwaitContent(By.id("se-edit-submit"));
        browser.waitText(By.id("alerts"), "Storage element Moscow SE 01 (main) updated.");

        browser.click(By.cssSelector("tr[data-storage-id='se-edit-01'] .se-delete"));
        browser.find(By.id("se-delete-modal"));
        browser.clickAndAwaitContent(By.id("se-delete-confirm"));
        browser.waitText(By.id("alerts"), "Storage element Edit SE removed from the registry.");
        assertThat(browser.present(By.cssSelector("tr[data-storage-id='se-edit-01']"))).isFalse();

        // the plain (no JavaScript) way: a modal on a page of its own
        browser.go("/storage/discover");
        browser.find(By.id("discover-form"));
        browser.screenshot("stub-storage-discover-plain");
    }

    @Test
    void capacityPerSeAndTheLowSpaceWarningInEnglishAndRussian() {
        long gib = 1L << 30;
        long mib = 1L << 20;
        // two SEs on one 252 GiB disk with 76 GiB free, and one capped at 100 GiB with 5 GiB left
        FAKE.addStorageElement("Shared A", "se-shared-a", "rw", "online", 252 * gib, 200 * mib, 76 * gib, "fs-1",
                252 * gib, 76 * gib);
        FAKE.addStorageElement("Shared B", "se-shared-b", "edit", "online", 252 * gib, 124 * mib, 76 * gib, "fs-1",
                252 * gib, 76 * gib);
        Map<String, Object> full = FAKE.addStorageElement("Full SE", "se-full", "rw", "online", 100 * gib, 95 * gib,
                5 * gib, "fs-2", 500 * gib, 300 * gib);

        browser.login("admin", "pw");
        // the shared disk counts once: 252 + 100 GiB, 76 + 5 GiB free
        assertThat(browser.text(By.id("capacity-total"))).isEqualTo("352.0 GiB");
        assertThat(browser.text(By.id("capacity-free"))).isEqualTo("81.0 GiB");
        assertThat(browser.text(By.id("capacity-used"))).isEqualTo("95.3 GiB");
        assertThat(browser.text(By.id("capacity-percent"))).isEqualTo("77");
        assertThat(browser.present(By.id("capacity-warning"))).isFalse();
        assertThat(browser.find(By.id("card-capacity")).getAttribute("class")).contains("capacity-ok");
        assertSeCapacity("se-shared-a", "200.0 MiB", "76.0 GiB", "252.0 GiB", false);
        assertSeCapacity("se-full", "95.0 GiB", "5.0 GiB", "100.0 GiB", true);
        assertThat(browser.text(By.cssSelector("tr[data-storage-id='se-full'] .se-capacity-warning")))
                .isEqualTo("Low free space: less than 10 % is free");
        browser.screenshot("stub-capacity-dashboard");

        browser.click(By.id("nav-storage"));
        assertSeCapacity("se-shared-b", "124.0 MiB", "76.0 GiB", "252.0 GiB", false);
        assertSeCapacity("se-full", "95.0 GiB", "5.0 GiB", "100.0 GiB", true);
        assertThat(browser.find(By.cssSelector("tr[data-storage-id='se-full'] meter")).getAttribute("value")).isEqualTo("95");
        browser.screenshot("stub-capacity-storage");

        // only the nearly full SE left: the total warns too
        FAKE.storageElements.keySet().removeIf(id -> !id.equals(full.get("id")));
        browser.click(By.id("nav-dashboard"));
        assertThat(browser.text(By.id("capacity-warning"))).isEqualTo("Low free space: less than 10 % is free");
        assertThat(browser.find(By.id("card-capacity")).getAttribute("class")).contains("capacity-low");
        assertThat(browser.find(By.id("capacity-warning")).getCssValue("color")).isEqualTo("rgba(198, 40, 40, 1)");

        browser.click(By.id("lang-ru"));
        assertThat(browser.text(By.id("capacity-warning"))).isEqualTo("Мало свободного места: свободно меньше 10 %");
        assertThat(browser.text(By.cssSelector("tr[data-storage-id='se-full'] .se-capacity-warning")))
                .isEqualTo("Мало свободного места: свободно меньше 10 %");
        assertThat(browser.text(By.cssSelector("tr[data-storage-id='se-full'] .capacity-line")))
                .isEqualTo("Занято 95.0 GiB · Свободно 5.0 GiB · Всего 100.0 GiB");
        assertThat(browser.text(By.id("card-capacity"))).contains("Свободно", "Всего", "% занято");
        browser.screenshot("stub-capacity-dashboard-ru");
        browser.click(By.id("nav-storage"));
        assertThat(browser.find(By.cssSelector("tr[data-storage-id='se-full'] .se-capacity")).getAttribute("class"))
                .contains("capacity-low");
        assertThat(browser.text(By.cssSelector("tr[data-storage-id='se-full'] .se-capacity-warning")))
                .isEqualTo("Мало свободного места: свободно меньше 10 %");
        browser.click(By.id("lang-en"));
    }

    private void assertSeCapacity(String storageId, String used, String free, String total, boolean low) {
        String row = "tr[data-storage-id='" + storageId + "'] ";
        assertThat(browser.text(By.cssSelector(row + ".se-used"))).isEqualTo(used);
        assertThat(browser.text(By.cssSelector(row + ".se-free"))).isEqualTo(free);
        assertThat(browser.text(By.cssSelector(row + ".se-total"))).isEqualTo(total);
        assertThat(browser.find(By.cssSelector(row + ".se-capacity")).getAttribute("class"))
                .contains(low ? "capacity-low" : "capacity-ok");
        assertThat(browser.present(By.cssSelector(row + ".se-capacity-warning"))).isEqualTo(low);
        if (low) {
            assertThat(browser.find(By.cssSelector(row + ".se-capacity-warning")).getCssValue("color"))
                    .isEqualTo("rgba(198, 40, 40, 1)");
        }
    }

    @Test
    void filesPage() {
        Map<String, Object> se = FAKE.addStorageElement("Moscow SE 01", "se-msk-01", "rw", "online", 100L << 30, 40L << 30);
        String seId = (String) se.get("id");
        Map<String, Object> report = FAKE.addFile(seId, "report-2026.pdf", "active", "permanent", "Quarterly report",
                List.of("finance"));
        FAKE.addFile(seId, "notes.txt", "active", "temporary", "notes", List.of());
        FAKE.addFile(seId, "<img src=x onerror=alert(1)>.txt", "active", "temporary", "<script>alert(2)</script>", List.of("<b>x</b>"));
        FAKE.addFile(seId, "old.log", "expired", "temporary", null, List.of());
        String reportId = (String) report.get("file_id");

        browser.login("admin", "pw");
        browser.click(By.id("nav-files"));
        assertThat(browser.all(By.cssSelector("#files-table .file-row"))).hasSize(4);
        assertThat(browser.all(By.cssSelector("#files-table .file-name")))
                .anySatisfy(link -> assertThat(link.getText()).isEqualTo("<img src=x onerror=alert(1)>.txt"));
        assertThat(browser.all(By.cssSelector("#content img"))).isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.screenshot("stub-files");

        new Select(browser.find(By.id("filter-retention"))).selectByValue("temporary");
        browser.waitCount(By.cssSelector("#files-table .file-row"), 3);
        new Select(browser.find(By.id("filter-status"))).selectByValue("expired");
        browser.waitCount(By.cssSelector("#files-table .file-row"), 1);
        assertThat(browser.text(By.id("table"))).contains("old.log");
        browser.go("/files?q=ONERROR");
        assertThat(browser.all(By.cssSelector("#files-table .file-row"))).hasSize(1);
        browser.click(By.cssSelector("#files-table .file-meta"));
        assertThat(browser.text(By.id("meta-name"))).isEqualTo("<img src=x onerror=alert(1)>.txt");
        assertThat(browser.text(By.id("meta-description"))).isEqualTo("<script>alert(2)</script>");
        assertThat(browser.text(By.id("meta-tags"))).isEqualTo("<b>x</b>");
        browser.screenshot("stub-files-xss-metadata");

        browser.go("/files");
        browser.click(By.cssSelector("#file-" + reportId + " .file-meta"));
        assertThat(browser.text(By.id("file-metadata-modal"))).contains(reportId).contains("Moscow SE 01")
                .contains("sa_ingester_x1y2").contains("ab".repeat(32)).contains("finance");
        browser.screenshot("stub-files-metadata");
        browser.click(By.cssSelector("#file-metadata-modal [data-close-modal]"));
        browser.waitGone(By.id("file-metadata-modal"));

        browser.click(By.cssSelector("#file-" + reportId + " .file-edit"));
        browser.type(By.id("file-description"), "Q1 report");
        browser.type(By.id("file-tags"), "finance, 2026, finance");
        browser.clickAndAwaitContent(By.id("file-edit-submit"));
        browser.waitText(By.id("alerts"), "File report-2026.pdf updated.");
        assertThat(FAKE.files.get(reportId).get("tags")).isEqualTo(List.of("finance", "2026"));

        Object download = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-disposition') + ' ' + t)));
                """, "/files/" + reportId + "/download");
        assertThat((String) download).isEqualTo("200 attachment; filename=\"download.txt\" content of report-2026.pdf");

        browser.click(By.cssSelector("#file-" + reportId + " .file-delete"));
        browser.find(By.id("file-delete-modal"));
        browser.screenshot("stub-files-delete-confirm");
        browser.clickAndAwaitContent(By.id("file-delete-confirm"));
        browser.waitText(By.id("alerts"), "File report-2026.pdf marked as deleted.");
        assertThat(FAKE.files.get(reportId).get("status")).isEqualTo("deleted");
        assertThat(browser.text(By.cssSelector("#file-" + reportId + " .file-status"))).isEqualTo("deleted");
    }

    @Test
    void readonlySeesStorageAndFilesWithoutControls() {
        Map<String, Object> se = FAKE.addStorageElement("Moscow SE 01", "se-msk-01", "rw", "online", 100L << 30, 40L << 30);
        FAKE.addFile((String) se.get("id"), "a.txt", "active", "permanent", "a", List.of());
        browser.login("viewer", "pw");
        for (String page : List.of("/", "/storage", "/files")) {
            browser.go(page);
            browser.find(By.id("content"));
            assertThat(browser.all(By.cssSelector("[hx-post], .se-sync, .se-edit, .se-delete, .se-mode-change, .file-edit,"
                    + " .file-delete, #discover-button"))).as(page).isEmpty();
        }
        browser.screenshot("stub-readonly-files");
        browser.go("/storage");
        browser.screenshot("stub-readonly-storage");
        // the dialogs of changes are refused too: opened in place (HTMX) and as a page of their own
        browser.script("htmx.ajax('GET', '/storage/discover', '#modal')");
        browser.waitText(By.id("alerts"), "Your role does not allow this action.");
        browser.go("/storage/discover");
        assertThat(browser.text(By.cssSelector("#error-page h1"))).isEqualTo("Not allowed");
        browser.screenshot("stub-readonly-refused");
    }

}
