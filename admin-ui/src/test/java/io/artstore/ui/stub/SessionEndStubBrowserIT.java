package io.artstore.ui.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.artstore.ui.browser.Browser;
import io.artstore.ui.browser.BrowserRequired;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialog saved after the session ended, or with a form older than the session's CSRF
 * token, in a real browser against {@link FakeAdminModule}: the first goes to the login
 * page ("your session ended") and back to the same page after the login; the second keeps
 * the dialog open with what was typed and says the form expired.
 */
class SessionEndStubBrowserIT extends StubBrowserTestBase {

    @Autowired
    ServerSessions sessions;

    private String fileId;

    @TestConfiguration
    static class Sessions {
        @Bean
        ServerSessions serverSessions() {
            return new ServerSessions();
        }
    }

    @BeforeEach
    void open() {
        String seId = (String) FAKE.addStorageElement("SE 1", "se-1", "rw", "online", 100L << 30, 10L << 30).get("id");
        fileId = (String) FAKE.addFile(seId, "report.txt", "active", "permanent", "old text", List.of()).get("file_id");
        FAKE.addFile(seId, "notes.txt", "expired", "temporary", "notes", List.of());
    }

    @Test
    void savingADialogAfterTheSessionEndedLogsInAgainAndReturnsToThePage() {
        logIn("admin");
        browser.go("/files?status=active");
        browser.click(By.cssSelector("#file-" + fileId + " .file-edit"));
        browser.type(By.id("file-description"), "typed before the timeout");
        sessions.invalidateAll();

        browser.click(By.id("file-edit-submit"));
        browser.find(By.id("login-form"));
        assertThat(browser.text(By.id("login-expired"))).isEqualTo("Your session has ended. Please log in again.");
        assertThat(browser.present(By.cssSelector(".alert-error"))).isFalse();
        browser.screenshot("stub-session-ended-login");

        browser.type(By.id("username"), "admin");
        browser.type(By.id("password"), "pw");
        browser.click(By.id("login-submit"));
        browser.waitPath("/files?status=active");
        assertThat(browser.path()).isEqualTo("/files?status=active");
        assertThat(browser.all(By.cssSelector("#files-table .file-row"))).hasSize(1);
        assertThat(FAKE.files.get(fileId).get("description")).isEqualTo("old text");
    }

    @Test
    void aStaleFormKeepsTheDialogOpenWithTheTypedTextAndSaysItExpired() {
        logIn("admin");
        browser.go("/files");
        browser.click(By.cssSelector("#file-" + fileId + " .file-edit"));
        browser.type(By.id("file-description"), "my long careful text");
        // the page's token no longer matches the session's (as after a new login in another tab)
        browser.script("document.querySelector('meta[name=\"_csrf\"]').content = 'stale-token'");

        browser.click(By.id("file-edit-submit"));
        browser.waitText(By.cssSelector("#file-edit-modal .form-expired"), "This form has expired. Reload the page");
        assertThat(browser.value(By.id("file-description"))).isEqualTo("my long careful text");
        assertThat((String) browser.script("return document.getElementById('alerts').textContent")).doesNotContain("Your role");
        browser.screenshot("stub-form-expired");

        // sending again does not pile the message up
        browser.click(By.id("file-edit-submit"));
        browser.waitText(By.cssSelector("#file-edit-modal .form-expired"), "This form has expired");
        assertThat(browser.all(By.cssSelector("#file-edit-modal .form-expired"))).hasSize(1);
        assertThat(FAKE.files.get(fileId).get("description")).isEqualTo("old text");
    }

    @Test
    void aReadonlyUsersForbiddenActionStillShowsTheRoleMessage() {
        logIn("viewer");
        browser.go("/files");
        browser.script("htmx.ajax('POST', '/files/" + fileId + "/delete', {target: '#modal'})");
        browser.waitText(By.id("alerts"), "Your role does not allow this action.");
        assertThat(browser.path()).isEqualTo("/files");
        assertThat(FAKE.files.get(fileId).get("status")).isEqualTo("active");
    }

    /** Logs in and waits for the page after the login, so the next navigation cannot race the login's redirect. */
    private void logIn(String user) {
        browser.login(user, "pw");
        browser.find(By.id("logout"));
    }
}
