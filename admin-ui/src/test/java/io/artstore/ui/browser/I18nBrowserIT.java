package io.artstore.ui.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** English by default, Russian on request; the choice sticks across pages and on the login page. */
@BrowserTest
class I18nBrowserIT extends BrowserTestBase {

    @Test
    void switchesToRussianAndBack() {
        browser().login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        assertThat(browser().text(By.id("nav-files"))).isEqualTo("Files");
        browser().click(By.id("nav-access"));
        browser().click(By.id("lang-ru"));
        assertThat(browser().text(By.cssSelector("#content h1"))).isEqualTo("Доступ");
        assertThat(browser().text(By.id("nav-files"))).isEqualTo("Файлы");
        assertThat(browser().find(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
        browser().screenshot("access-ru");

        browser().click(By.id("nav-keys"));
        assertThat(browser().text(By.cssSelector("#content h1"))).isEqualTo("Ключи подписи JWT");
        browser().click(By.id("nav-dashboard"));
        assertThat(browser().text(By.cssSelector("#content h1"))).isEqualTo("Обзор");
        browser().screenshot("dashboard-ru");
        browser().click(By.id("logout"));
        assertThat(browser().text(By.id("login-info"))).isEqualTo("Вы вышли из системы.");
        browser().type(By.id("username"), TestStack.ADMIN);
        browser().type(By.id("password"), "wrong-password");
        browser().click(By.id("login-submit"));
        assertThat(browser().text(By.id("login-error"))).isEqualTo("Неверное имя пользователя или пароль.");
        browser().screenshot("login-ru");

        browser().click(By.id("lang-en"));
        assertThat(browser().text(By.id("login-submit"))).isEqualTo("Log in");
    }
}
