package io.artstore.ui.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.artstore.ui.browser.Browser;
import io.artstore.ui.browser.BrowserRequired;
import io.artstore.ui.browser.Contrast;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markers and badges are readable (issue 23): the WCAG contrast ratio of their text,
 * computed from the browser's computed colours, is at least 4.5:1.
 */
class ColourContrastStubBrowserIT extends StubBrowserTestBase {

    private static final double AA = 4.5;

    @Test
    void theCurrentLanguageOnTheLoginPageIsReadable() {
        browser.go("/login?lang=en");
        WebElement english = browser.find(By.id("lang-en"));
        assertThat(english.getAttribute("class")).contains("current");
        assertThat(Contrast.of(browser, english)).as("English marker").isGreaterThanOrEqualTo(AA);
        assertThat(Contrast.of(browser, browser.find(By.id("lang-ru")))).as("Russian link").isGreaterThanOrEqualTo(AA);
        browser.screenshot("stub-login-language");
        browser.go("/login?lang=ru");
        WebElement russian = browser.find(By.id("lang-ru"));
        assertThat(russian.getAttribute("class")).contains("current");
        assertThat(Contrast.of(browser, russian)).as("Russian marker").isGreaterThanOrEqualTo(AA);
        browser.go("/login?lang=en");
    }

    @Test
    void everyModeAndStatusBadgeAndTheHeaderMarkersAreReadable() {
        List<String> modes = List.of("edit", "rw", "ro", "ar");
        List<String> statuses = List.of("online", "offline", "degraded", "maintenance");
        for (int i = 0; i < modes.size(); i++) {
            FAKE.addStorageElement("SE " + i, "se-" + i, modes.get(i), statuses.get(i), 100L << 30, 10L << 30);
        }
        browser.login("admin", "pw");
        browser.click(By.id("nav-storage"));
        browser.waitCount(By.cssSelector("#storage-table tbody tr"), modes.size());
        List<WebElement> badges = browser.all(By.cssSelector(".badge"));
        assertThat(badges).hasSizeGreaterThanOrEqualTo(modes.size() + statuses.size() + 1);
        for (WebElement badge : badges) {
            assertThat(Contrast.of(browser, badge)).as("badge %s (%s)", badge.getText(), badge.getAttribute("class"))
                    .isGreaterThanOrEqualTo(AA);
        }
        for (By marker : List.of(By.cssSelector(".lang a.current"), By.id("nav-storage"), By.id("lang-ru"), By.id("logout"))) {
            assertThat(Contrast.of(browser, browser.find(marker))).as(marker.toString()).isGreaterThanOrEqualTo(AA);
        }
        browser.screenshot("stub-storage-badges");
    }

}
