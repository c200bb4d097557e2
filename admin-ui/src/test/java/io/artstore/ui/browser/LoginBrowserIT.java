package io.artstore.ui.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

/** Login against admin-module: wrong password, lockout and manual unlock, session cookie, CSRF, logout. */
@BrowserTest
class LoginBrowserIT extends BrowserTestBase {

    @Test
    void wrongPasswordIsShownAsAClearMessage() {
        browser().login(TestStack.ADMIN, "not-the-password");
        assertThat(browser().text(By.id("login-error"))).isEqualTo("Wrong user name or password.");
        browser().screenshot("login-wrong-password");
        assertThat(browser().present(By.id("nav-dashboard"))).isFalse();
    }

    @Test
    void adminLogsInWithAnHttpOnlySameSiteSessionAndLogsOut() {
        browser().go("/files");
        assertThat(browser().path()).startsWith("/login");
        browser().screenshot("login");
        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().find(By.id("nav-dashboard"));
        assertThat(browser().text(By.id("current-user"))).contains(TestStack.ADMIN);

        Cookie session = browser().driver().manage().getCookieNamed("ARTSTORE_UI_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        // the tokens stay on the server: nothing token-like reaches the page
        assertThat(browser().driver().getPageSource()).doesNotContain("eyJ").doesNotContain("rt_");

        browser().logout();
        assertThat(browser().text(By.id("login-info"))).isEqualTo("You have been logged out.");
        browser().go("/access");
        assertThat(browser().path()).startsWith("/login");
    }

    @Test
    void aChangeWithoutCsrfTokenIsRefused() {
        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().find(By.id("nav-dashboard"));
        Object status = browser().asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/keys/rotate', {method: 'POST'}).then(r => done(r.status), e => done(String(e)));
                """);
        assertThat(status).isEqualTo(403L);
        browser().logout();
    }

    @Test
    void accountLockedByFailedLoginsIsShownAndAnAdminUnlocksIt() {
        stack().createUser("locky", "Locky-Passw0rd", "readonly");
        for (int i = 0; i < 5; i++) {
            browser().login("locky", "wrong-password-" + i);
            browser().find(By.id("login-error"));
        }
        browser().login("locky", "Locky-Passw0rd");
        assertThat(browser().text(By.id("login-error"))).contains("locked");
        browser().screenshot("login-locked");

        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser().click(By.id("nav-access"));
        browser().find(By.cssSelector("#user-locky .user-locked"));
        browser().screenshot("access-user-locked");
        browser().clickAndAwaitContent(By.cssSelector("#user-locky .user-unlock"));
        browser().waitText(By.id("alerts"), "Admin user locky unlocked.");
        assertThat(browser().present(By.cssSelector("#user-locky .user-locked"))).isFalse();
        browser().logout();

        browser().login("locky", "Locky-Passw0rd");
        assertThat(browser().text(By.id("current-user"))).contains("locky");
        browser().logout();
    }
}
