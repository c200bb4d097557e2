package io.artstore.ui.browser;

import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storage elements page against a real storage element: discover → register, sync with
 * result counts, mode changes (ro → rw only with confirmation), edit, filters, delete.
 */
@BrowserTest
class StorageBrowserIT extends BrowserTestBase {

    @Test
    void registersSyncsChangesModeFiltersAndDeletesAStorageElement() {
        TestStack.StorageElementProcess se = stack().startStorageElement("se-ui-storage", "rw");
        stack().upload(se, "first.txt", "first file", "one");
        stack().upload(se, "second.txt", "second file", "two");

        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().click(By.id("nav-storage"));
        browser().click(By.id("discover-button"));
        browser().type(By.id("discover-url"), se.url());
        browser().click(By.id("discover-submit"));
        assertThat(browser().text(By.id("discovered-storage-id"))).isEqualTo("se-ui-storage");
        browser().screenshot("storage-discover");
        browser().type(By.id("register-name"), "Storage test SE");
        browser().clickAndAwaitContent(By.id("register-submit"));
        browser().waitText(By.id("alerts"), "Storage element Storage test SE (se-ui-storage) registered");
        By row = By.cssSelector("tr[data-storage-id='se-ui-storage']");
        assertThat(browser().text(row)).contains("Storage test SE").contains(se.url());
        assertThat(browser().find(By.cssSelector("tr[data-storage-id='se-ui-storage'] .se-mode")).getAttribute("class")).contains("mode-rw");
        assertThat(browser().find(By.cssSelector("tr[data-storage-id='se-ui-storage'] .se-status")).getAttribute("class")).contains("status-online");
        assertThat(browser().present(By.cssSelector("tr[data-storage-id='se-ui-storage'] meter"))).isTrue();
        browser().screenshot("storage");

        // sync shows its counts
        stack().upload(se, "third.txt", "third file", "three");
        browser().clickAndAwaitContent(By.cssSelector("tr[data-storage-id='se-ui-storage'] .se-sync"));
        browser().waitText(By.id("alerts"), "Sync of Storage test SE done: 3 files on the storage element, 1 added");
        browser().screenshot("storage-synced");

        // rw -> ro
        changeMode("ro", false);
        browser().waitText(By.id("alerts"), "Mode of Storage test SE changed from rw to ro.");
        assertThat(seMode(se)).isEqualTo("ro");
        // ro -> rw needs the confirmation
        browser().click(By.cssSelector("tr[data-storage-id='se-ui-storage'] .se-mode-change"));
        new Select(browser().find(By.id("target-mode"))).selectByValue("rw");
        browser().click(By.id("se-mode-submit"));
        browser().waitText(By.cssSelector("#se-mode-modal .alert-error"), "Confirm the rollback from ro to rw");
        browser().screenshot("storage-mode-confirm");
        assertThat(seMode(se)).isEqualTo("ro");
        new Select(browser().find(By.id("target-mode"))).selectByValue("rw");
        browser().click(By.id("mode-confirm"));
        browser().clickAndAwaitContent(By.id("se-mode-submit"));
        browser().waitText(By.id("alerts"), "changed from ro to rw");
        assertThat(seMode(se)).isEqualTo("rw");

        // edit
        browser().click(By.cssSelector("tr[data-storage-id='se-ui-storage'] .se-edit"));
        browser().type(By.id("se-name"), "Renamed SE");
        browser().clickAndAwaitContent(By.id("se-edit-submit"));
        browser().waitText(By.id("alerts"), "Storage element Renamed SE updated.");

        // filters and search
        new Select(browser().find(By.id("filter-mode"))).selectByValue("ar");
        browser().find(By.id("storage-empty"));
        new Select(browser().find(By.id("filter-mode"))).selectByValue("rw");
        browser().find(row);
        new Select(browser().find(By.id("filter-status"))).selectByValue("offline");
        browser().find(By.id("storage-empty"));
        new Select(browser().find(By.id("filter-status"))).selectByValue("online");
        browser().find(row);
        browser().type(By.id("se-search"), "renamed");
        browser().waitPath("q=renamed");
        browser().waitText(By.id("table"), "Renamed SE");
        browser().type(By.id("se-search"), "no-such-storage");
        browser().find(By.id("storage-empty"));
        browser().screenshot("storage-filtered");
        browser().go("/storage");

        // delete with confirmation
        browser().click(By.cssSelector("tr[data-storage-id='se-ui-storage'] .se-delete"));
        browser().find(By.id("se-delete-modal"));
        browser().screenshot("storage-delete-confirm");
        browser().clickAndAwaitContent(By.id("se-delete-confirm"));
        browser().waitText(By.id("alerts"), "Storage element Renamed SE removed from the registry.");
        assertThat(browser().present(row)).isFalse();
        browser().logout();
    }

    private void changeMode(String target, boolean confirm) {
        browser().click(By.cssSelector("tr[data-storage-id='se-ui-storage'] .se-mode-change"));
        new Select(browser().find(By.id("target-mode"))).selectByValue(target);
        if (confirm) {
            browser().click(By.id("mode-confirm"));
        }
        browser().screenshot("storage-mode-" + target);
        browser().clickAndAwaitContent(By.id("se-mode-submit"));
    }

    private static String seMode(TestStack.StorageElementProcess se) {
        TestHttp.Response info = TestStack.shared().seHttp(se).get("/api/v1/info");
        return info.json().path("mode").asString();
    }
}
