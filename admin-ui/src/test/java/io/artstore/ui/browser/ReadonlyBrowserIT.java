package io.artstore.ui.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code readonly} user sees every page but no control that changes anything, and the
 * server refuses their changes anyway (403 page), CSRF token or not.
 */
@BrowserTest
class ReadonlyBrowserIT extends BrowserTestBase {


    @Test
    void readonlySeesEverythingAndNoMutatingControl() {
        stack().createUser("viewer", "Viewer-Passw0rd", "readonly");
        browser().login("viewer", "Viewer-Passw0rd");
        assertThat(browser().text(By.id("current-user"))).contains("viewer").contains("read-only");
        for (String page : List.of("/", "/storage", "/files", "/access", "/keys")) {
            browser().go(page);
            browser().find(By.id("content"));
            assertThat(browser().present(By.id("error-page"))).as("page %s renders", page).isFalse();
            List<WebElement> postForms = browser().all(By.cssSelector("form[method='post'], form[method='POST']"));
            assertThat(postForms).as("POST forms on %s", page)
                    .allSatisfy(form -> assertThat(form.getAttribute("action")).endsWith("/logout"));
            assertThat(browser().all(By.cssSelector("[hx-post], [hx-put], [hx-delete], [hx-patch]"))).as("HTMX changes on %s", page).isEmpty();
            assertThat(browser().all(By.cssSelector(".danger, .primary, #discover-button, #user-new, #account-new, #keys-rotate,"
                    + " .se-sync, .se-edit, .se-delete, .se-mode-change, .file-edit, .file-delete, .user-edit, .user-unlock,"
                    + " .account-edit, .account-rotate"))).as("mutating controls on %s", page).isEmpty();
            browser().screenshot("readonly" + (page.equals("/") ? "-dashboard" : page.replace('/', '-')));
        }
        // users and accounts are visible
        browser().go("/access");
        assertThat(browser().text(By.id("users-table"))).contains("viewer").contains(TestStack.ADMIN);
    }

    @Test
    void theServerRefusesChangesOfReadonlyWithA403Page() {
        browser().login(createReadonly(), "Viewer-Passw0rd");
        browser().find(By.id("nav-dashboard"));
        String adminId = stack().adminApi().get("/api/v1/admin-users?limit=100").json().path("items").get(0).path("id").asString();
        for (String path : List.of("/keys/rotate", "/access/users/" + adminId + "/delete", "/access/accounts",
                "/storage/discover", "/files/00000000-0000-0000-0000-000000000000/delete")) {
            Object answer = browser().asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const token = document.querySelector('meta[name="_csrf"]').content;
                    const header = document.querySelector('meta[name="_csrf_header"]').content;
                    fetch(arguments[0], {method: 'POST', headers: {[header]: token}})
                      .then(r => r.text().then(t => done(r.status + ' ' + t)), e => done(String(e)));
                    """, path);
            assertThat((String) answer).as(path).startsWith("403 ").contains("Not allowed");
        }
        browser().go("/keys");
        String before = browser().text(By.id("active-key-id"));
        assertThat(stack().adminApi().get("/api/v1/jwt-keys/status").json().path("active_key_id").asString()).isEqualTo(before);
        // and a plain (non-HTMX) form post shows the 403 page
        browser().script("""
                const form = document.createElement('form');
                form.method = 'post'; form.action = '/keys/rotate';
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = '_csrf';
                input.value = document.querySelector('meta[name="_csrf"]').content;
                form.appendChild(input); document.body.appendChild(form); form.submit();
                """);
        assertThat(browser().text(By.cssSelector("#error-page h1"))).isEqualTo("Not allowed");
        browser().screenshot("error-403");
    }

    private String createReadonly() {
        stack().createUser("viewer2", "Viewer-Passw0rd", "readonly");
        return "viewer2";
    }
}
