package io.artstore.ui.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files page against a real storage element synced into admin-module's registry:
 * filters, name search, metadata modal, edit, soft delete, and a hostile file name shown
 * as text.
 */
@BrowserTest
class FilesBrowserIT extends BrowserTestBase {

    static final String XSS_NAME = "<img src=x onerror=alert(1)>.txt";

    @Test
    void filtersOpensMetadataEditsAndSoftDeletesFilesAndEscapesNames() {
        // an edit SE: it stores temporary files and, unlike rw, allows deleting them
        TestStack.StorageElementProcess se = stack().startStorageElement("se-ui-files", "edit");
        String reportId = stack().upload(se, "report-2026.txt", "quarterly report", "Quarterly report");
        stack().upload(se, "notes.txt", "some notes", "notes");
        stack().upload(se, XSS_NAME, "not an image", "<script>alert(2)</script>");
        String seId = stack().register(se, "Files test SE");

        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().click(By.id("nav-files"));
        new Select(browser().find(By.id("filter-se"))).selectByValue(seId);
        // the unfiltered table may already list this SE's files (and other tests'): wait for the filtered one
        browser().waitPath("se=" + seId);
        browser().waitCount(By.cssSelector("#files-table .file-row"), 3);
        assertThat(browser().text(By.id("table"))).contains("report-2026.txt");

        // the hostile name is text, not markup
        assertThat(browser().all(By.cssSelector("#files-table .file-name")))
                .anySatisfy(link -> assertThat(link.getText()).isEqualTo(XSS_NAME));
        assertThat(browser().all(By.cssSelector("#content img"))).isEmpty();
        assertThatThrownBy(() -> browser().driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser().screenshot("files");

        // name search and filters
        browser().type(By.id("file-search"), "REPORT");
        browser().waitPath("q=REPORT");
        browser().waitCount(By.cssSelector("#files-table .file-row"), 1);
        assertThat(browser().text(By.id("table"))).contains("report-2026.txt");
        new Select(browser().find(By.id("filter-retention"))).selectByValue("permanent");
        browser().find(By.id("files-empty"));
        new Select(browser().find(By.id("filter-retention"))).selectByValue("temporary");
        browser().find(By.cssSelector("#files-table .file-row"));
        browser().screenshot("files-filtered");

        // metadata modal with every field
        browser().click(By.cssSelector("#file-" + reportId + " .file-meta"));
        assertThat(browser().text(By.id("meta-file-id"))).isEqualTo(reportId);
        assertThat(browser().text(By.id("meta-name"))).isEqualTo("report-2026.txt");
        assertThat(browser().text(By.id("meta-description"))).isEqualTo("Quarterly report");
        assertThat(browser().text(By.id("file-metadata-modal"))).contains("SHA-256").contains("Files test SE")
                .contains("Content type").contains("Uploaded by").contains("Retention policy");
        browser().screenshot("files-metadata");
        browser().click(By.cssSelector("#file-metadata-modal [data-close-modal]"));
        browser().waitGone(By.id("file-metadata-modal"));

        // edit description and tags
        browser().click(By.cssSelector("#file-" + reportId + " .file-edit"));
        browser().type(By.id("file-description"), "Q1 report <b>final</b>");
        browser().type(By.id("file-tags"), "finance, 2026");
        browser().clickAndAwaitContent(By.id("file-edit-submit"));
        browser().waitText(By.id("alerts"), "File report-2026.txt updated.");
        browser().click(By.cssSelector("#file-" + reportId + " .file-meta"));
        assertThat(browser().text(By.id("meta-description"))).isEqualTo("Q1 report <b>final</b>");
        assertThat(browser().text(By.id("meta-tags"))).isEqualTo("finance, 2026");
        browser().click(By.cssSelector("#file-metadata-modal [data-close-modal]"));

        // the XSS file's metadata is shown literally too
        browser().go("/files?se=" + seId + "&q=onerror");
        browser().click(By.cssSelector("#files-table .file-meta"));
        assertThat(browser().text(By.id("meta-name"))).isEqualTo(XSS_NAME);
        assertThat(browser().text(By.id("meta-description"))).isEqualTo("<script>alert(2)</script>");
        assertThat(browser().all(By.cssSelector("#file-metadata-modal img, #file-metadata-modal script"))).isEmpty();
        browser().screenshot("files-xss-metadata");

        // soft delete with confirmation
        browser().go("/files?se=" + seId + "&q=notes");
        browser().click(By.cssSelector("#files-table .file-delete"));
        browser().find(By.id("file-delete-modal"));
        browser().screenshot("files-delete-confirm");
        browser().clickAndAwaitContent(By.id("file-delete-confirm"));
        browser().waitText(By.id("alerts"), "File notes.txt marked as deleted.");
        new Select(browser().find(By.id("filter-status"))).selectByValue("deleted");
        browser().waitText(By.id("table"), "notes.txt");
        assertThat(browser().text(By.cssSelector("#files-table .file-status"))).isEqualTo("deleted");
        assertThat(stack().adminApi().get("/api/v1/files?status=deleted&storage_element_id=" + seId).json()
                .path("total").asInt()).isEqualTo(1);
        browser().logout();
    }
}
