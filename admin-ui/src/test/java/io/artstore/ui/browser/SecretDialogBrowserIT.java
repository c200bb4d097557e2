package io.artstore.ui.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialog with a new service-account secret (issue 23): the secret is shown only once, so
 * Escape and a click beside the dialog only ask; "I have stored it" closes it.
 */
@BrowserTest
class SecretDialogBrowserIT extends BrowserTestBase {

    @Test
    void theSecretDialogClosesOnlyWhenTheSecretIsStored() {
        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().click(By.id("nav-access"));
        browser().click(By.id("account-new"));
        browser().type(By.id("account-name"), "keeper");
        browser().click(By.id("scope-files-read"));
        browser().click(By.id("account-new-submit"));
        String secret = browser().value(By.id("client-secret"));
        assertThat(secret).isNotBlank();

        // Escape asks instead of closing
        new Actions(browser().driver()).sendKeys(Keys.ESCAPE).perform();
        assertThat(browser().present(By.id("account-secret-modal"))).as("secret dialog after Escape").isTrue();
        assertThat(browser().text(By.id("secret-leave-prompt"))).contains("Have you stored the secret?");
        assertThat(browser().value(By.id("client-secret"))).isEqualTo(secret);
        browser().screenshot("access-secret-leave-prompt");
        browser().click(By.id("secret-leave-back"));
        browser().waitGone(By.id("secret-leave-prompt"));
        assertThat(browser().value(By.id("client-secret"))).isEqualTo(secret);

        // so does a click on the backdrop, beside the dialog
        new Actions(browser().driver()).moveToLocation(15, 300).click().perform();
        assertThat(browser().text(By.id("secret-leave-prompt"))).contains("Have you stored the secret?");
        assertThat(browser().value(By.id("client-secret"))).isEqualTo(secret);
        new Actions(browser().driver()).sendKeys(Keys.ESCAPE).perform();
        assertThat(browser().find(By.id("account-secret-modal")).isDisplayed()).isTrue();

        assertThat(browser().text(By.id("secret-done"))).isEqualTo("I have stored it");

        // the explicit answer closes it, and the secret is gone from the page
        browser().clickAndAwaitContent(By.id("secret-leave-stored"));
        browser().waitGone(By.id("account-secret-modal"));
        browser().find(By.id("account-keeper"));
        assertThat(browser().driver().getPageSource()).doesNotContain(secret);

        // the dialog's own button closes it directly
        browser().click(By.id("account-new"));
        browser().type(By.id("account-name"), "keeper2");
        browser().click(By.id("scope-files-read"));
        browser().click(By.id("account-new-submit"));
        browser().find(By.id("account-secret-modal"));
        browser().clickAndAwaitContent(By.id("secret-done"));
        browser().waitGone(By.id("account-secret-modal"));
        browser().find(By.id("account-keeper2"));
    }
}
