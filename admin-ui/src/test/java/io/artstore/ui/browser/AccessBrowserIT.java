package io.artstore.ui.browser;

import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access page: admin users (create, edit, reset password, delete) and service accounts (secret shown
 * once, last use, edit, rotate and delete of a used account with its name typed).
 */
@BrowserTest
class AccessBrowserIT extends BrowserTestBase {

    @Test
    void adminUsersAreCreatedEditedResetAndDeleted() {
        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().click(By.id("nav-access"));

        browser().click(By.id("user-new"));
        browser().type(By.id("new-username"), "operator1");
        browser().type(By.id("new-password"), "Operator-Passw0rd");
        browser().type(By.id("new-email"), "op1@example.org");
        new Select(browser().find(By.id("new-role"))).selectByValue("readonly");
        browser().screenshot("access-user-new");
        browser().clickAndAwaitContent(By.id("user-new-submit"));
        browser().waitText(By.id("alerts"), "Admin user operator1 created.");
        assertThat(browser().text(By.id("user-operator1"))).contains("op1@example.org").contains("read-only");

        browser().click(By.cssSelector("#user-operator1 .user-edit"));
        browser().type(By.id("edit-email"), "ops@example.org");
        new Select(browser().find(By.id("edit-role"))).selectByValue("admin");
        browser().clickAndAwaitContent(By.id("user-edit-submit"));
        browser().waitText(By.id("alerts"), "Admin user operator1 updated.");
        assertThat(browser().text(By.id("user-operator1"))).contains("ops@example.org").contains("admin");

        browser().click(By.cssSelector("#user-operator1 .user-password"));
        browser().type(By.id("reset-password"), "Another-Passw0rd");
        browser().clickAndAwaitContent(By.id("user-password-submit"));
        browser().waitText(By.id("alerts"), "Password of operator1 reset.");
        assertThat(stack().adminHttp().postJson("/api/v1/admin-auth/login",
                "{\"username\":\"operator1\",\"password\":\"Another-Passw0rd\"}").status()).isEqualTo(200);

        // a too short password comes back as admin-module's validation message inside the modal
        browser().click(By.cssSelector("#user-operator1 .user-password"));
        browser().find(By.id("reset-password"));
        browser().script("document.getElementById('reset-password').removeAttribute('minlength')");
        browser().type(By.id("reset-password"), "short");
        browser().click(By.id("user-password-submit"));
        browser().waitText(By.cssSelector("#user-password-modal .alert-error"), "Invalid input");
        browser().click(By.cssSelector("#user-password-modal [data-close-modal]"));
        browser().waitGone(By.id("user-password-modal"));

        browser().click(By.cssSelector("#user-operator1 .user-delete"));
        browser().find(By.id("user-delete-modal"));
        browser().screenshot("access-user-delete-confirm");
        browser().clickAndAwaitContent(By.id("user-delete-confirm"));
        browser().waitText(By.id("alerts"), "Admin user operator1 deleted.");
        assertThat(browser().present(By.id("user-operator1"))).isFalse();
        browser().logout();
    }

    @Test
    void serviceAccountSecretIsShownOnceWithACopyButton() {
        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().click(By.id("nav-access"));

        browser().click(By.id("account-new"));
        browser().type(By.id("account-name"), "ingester");
        browser().type(By.id("account-description"), "uploads");
        browser().click(By.id("scope-files-write"));
        browser().click(By.id("scope-storage-read"));
        browser().click(By.id("account-new-submit"));
        String clientId = browser().text(By.id("secret-client-id"));
        String secret = browser().value(By.id("client-secret"));
        assertThat(clientId).startsWith("sa_ingester_");
        assertThat(secret).isNotBlank();
        assertThat(browser().find(By.id("copy-secret")).getText()).isEqualTo("Copy");
        browser().screenshot("access-account-secret");
        browser().click(By.id("copy-secret"));
        browser().waitText(By.id("copy-secret"), "Copied");

        // the secret works ...
        TestHttp.Response token = stack().adminHttp().postJson("/api/v1/auth/token",
                "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\"}");
        assertThat(token.status()).isEqualTo(200);
        // ... and is never shown again
        browser().clickAndAwaitContent(By.id("secret-done"));
        browser().find(By.id("account-ingester"));
        assertThat(browser().driver().getPageSource()).doesNotContain(secret);
        browser().go("/access");
        assertThat(browser().driver().getPageSource()).doesNotContain(secret);
        assertThat(browser().text(By.id("account-ingester"))).contains(clientId).contains("files:write, storage:read");
        // the token just issued shows as its last use
        assertThat(browser().text(By.cssSelector("#account-ingester .account-last-used"))).endsWith("UTC");
        browser().screenshot("access");

        browser().click(By.cssSelector("#account-ingester .account-edit"));
        browser().click(By.cssSelector("#account-edit-form input[value='files:read']"));
        new Select(browser().find(By.id("edit-account-status"))).selectByValue("suspended");
        browser().clickAndAwaitContent(By.id("account-edit-submit"));
        browser().waitText(By.id("alerts"), "Service account ingester updated.");
        assertThat(browser().text(By.id("account-ingester"))).contains("files:read").contains("suspended");
        browser().click(By.cssSelector("#account-ingester .account-edit"));
        new Select(browser().find(By.id("edit-account-status"))).selectByValue("active");
        browser().clickAndAwaitContent(By.id("account-edit-submit"));
        browser().waitText(By.id("alerts"), "Service account ingester updated.");

        // used within 24 hours: rotating needs the account's name typed
        browser().click(By.cssSelector("#account-ingester .account-rotate"));
        browser().type(By.id("account-rotate-name"), "ingester");
        browser().screenshot("access-account-rotate-typed-name");
        browser().click(By.id("account-rotate-confirm"));
        String rotated = browser().value(By.id("client-secret"));
        assertThat(rotated).isNotBlank().isNotEqualTo(secret);
        assertThat(stack().adminHttp().postJson("/api/v1/auth/token",
                "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\"}").status()).isEqualTo(401);
        assertThat(stack().adminHttp().postJson("/api/v1/auth/token",
                "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + rotated + "\"}").status()).isEqualTo(200);
        browser().clickAndAwaitContent(By.id("secret-done"));

        // a wrong name: admin-module refuses, the dialog stays open with the error, nothing is deleted
        browser().click(By.cssSelector("#account-ingester .account-delete"));
        assertThat(browser().text(By.id("account-delete-confirm-name"))).contains("Type the account name ingester");
        browser().type(By.id("account-delete-name"), "ingestor");
        browser().click(By.id("account-delete-confirm"));
        browser().waitText(By.cssSelector("#account-delete-modal .alert-error"), "does not match ingester");
        browser().screenshot("access-account-delete-wrong-name");
        assertThat(stack().adminApi().get("/api/v1/service-accounts?limit=1000").body()).contains(clientId);
        browser().type(By.id("account-delete-name"), "ingester");
        browser().clickAndAwaitContent(By.id("account-delete-confirm"));
        browser().waitText(By.id("alerts"), "Service account ingester deleted.");
        assertThat(browser().present(By.id("account-ingester"))).isFalse();
        browser().logout();
    }
}
