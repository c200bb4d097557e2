package io.artstore.ui.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.artstore.testsupport.http.TestHttp;
import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.ui.storage.Capacity;
import io.artstore.ui.web.Formats;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Dashboard numbers equal admin-module's answers. */
@BrowserTest
class DashboardBrowserIT extends BrowserTestBase {

    @Test
    void dashboardRendersForAnAdmin() {
        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        assertThat(browser().text(By.cssSelector("#content h1"))).isEqualTo("Dashboard");
        // admin-module's registry answers: the dashboard shows numbers, not the outage notice
        assertThat(browser().present(By.id("storage-unavailable"))).isFalse();
        assertThat(browser().present(By.id("files-unavailable"))).isFalse();
        browser().screenshot("dashboard");
    }

    @Test
    void storageAndFileNumbersEqualTheApi() {
        TestStack.StorageElementProcess se = stack().startStorageElement("se-ui-dashboard", "rw");
        stack().upload(se, "dash-1.txt", "one", "d1");
        stack().upload(se, "dash-2.txt", "two two", "d2");
        stack().register(se, "Dashboard SE");

        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        TestHttp api = stack().adminApi();
        assertThat(browser().text(By.id("se-total"))).isEqualTo(total(api, "/api/v1/storage-elements?limit=1"));
        for (String mode : new String[] {"edit", "rw", "ro", "ar"}) {
            assertThat(browser().text(By.id("se-mode-" + mode))).as(mode)
                    .isEqualTo(total(api, "/api/v1/storage-elements?limit=1&mode=" + mode));
        }
        for (String status : new String[] {"online", "offline", "degraded", "maintenance"}) {
            assertThat(browser().text(By.id("se-status-" + status))).as(status)
                    .isEqualTo(total(api, "/api/v1/storage-elements?limit=1&status=" + status));
        }
        assertThat(browser().text(By.id("files-total"))).isEqualTo(total(api, "/api/v1/files?limit=1"));
        for (String status : new String[] {"active", "expired", "deleted"}) {
            assertThat(browser().text(By.id("files-status-" + status))).as(status)
                    .isEqualTo(total(api, "/api/v1/files?limit=1&status=" + status));
        }
        // used summed over the SEs, total and free once per file system (the SEs of this stack share one disk)
        List<StorageElementRecord> elements = new ArrayList<>();
        for (JsonNode item : api.get("/api/v1/storage-elements?limit=1000").json().path("items")) {
            assertThat(item.path("filesystem_id").asString()).as("filesystem_id").matches("[0-9a-f]{32}");
            elements.add(new StorageElementRecord(UUID.fromString(item.path("id").asString()), item.path("name").asString(), null,
                    item.path("storage_id").asString(), item.path("mode").asString(), item.path("status").asString(),
                    item.path("capacity_bytes").asLong(), item.path("used_bytes").asLong(),
                    item.path("available_bytes").asLong(), item.path("filesystem_id").asString(),
                    item.path("filesystem_total_bytes").asLong(), item.path("filesystem_available_bytes").asLong(),
                    null, null, null, null, null, null, null));
        }
        Capacity capacity = Capacity.of(elements);
        Formats fmt = new Formats();
        assertThat(browser().text(By.id("capacity-total"))).isEqualTo(fmt.bytes(capacity.totalBytes()));
        assertThat(browser().text(By.id("capacity-used"))).isEqualTo(fmt.bytes(capacity.usedBytes()));
        assertThat(browser().text(By.id("capacity-free"))).isEqualTo(fmt.bytes(capacity.freeBytes()));
        assertThat(browser().text(By.id("capacity-percent"))).isEqualTo(String.valueOf(capacity.filledPercent()));
        browser().screenshot("dashboard-numbers");
        browser().logout();
    }

    private static String total(TestHttp api, String path) {
        return String.valueOf(api.get(path).json().path("total").asLong());
    }
}
