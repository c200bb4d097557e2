package io.artstore.ui.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** JWT keys page: shows admin-module's key status and rotates the key. */
@BrowserTest
class KeysBrowserIT extends BrowserTestBase {

    @Test
    void showsTheKeyStatusAndRotates() {
        String before = stack().adminApi().get("/api/v1/jwt-keys/status").json().path("active_key_id").asString();
        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().click(By.id("nav-keys"));
        assertThat(browser().text(By.id("active-key-id"))).isEqualTo(before);
        browser().screenshot("keys");

        browser().click(By.id("keys-rotate"));
        browser().find(By.id("keys-rotate-modal"));
        browser().clickAndAwaitContent(By.id("keys-rotate-confirm"));
        browser().waitText(By.id("alerts"), "is active.");
        String after = stack().adminApi().get("/api/v1/jwt-keys/status").json().path("active_key_id").asString();
        assertThat(after).isNotEqualTo(before);
        assertThat(browser().text(By.id("active-key-id"))).isEqualTo(after);
        assertThat(browser().text(By.id("previous-key-id"))).isEqualTo(before);
        assertThat(browser().text(By.id("alerts"))).contains(after);
        browser().screenshot("keys-rotated");
        // the session keeps working with tokens signed by the new key
        browser().click(By.id("nav-access"));
        browser().find(By.id("users-table"));
        browser().logout();
    }
}
