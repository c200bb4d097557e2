package io.artstore.ui.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.artstore.ui.browser.Browser;
import io.artstore.ui.browser.BrowserRequired;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SE mode dialog (issue 23): nothing preselected, ar only with the SE's name typed
 * (checked by the UI's server, the answer shown in the dialog), rw → ro says that uploads
 * stop. Against {@link FakeAdminModule}, which records every request the UI sends.
 */
class StorageModeDialogStubBrowserIT extends StubBrowserTestBase {

    @Test
    void theDialogOfAReadOnlySePreselectsNothingAndSubmittingWithoutAChoiceChangesNothing() {
        Map<String, Object> ro = FAKE.addStorageElement("Archive SE", "se-arch-01", "ro", "online", 100L << 30, 90L << 30);
        openModeDialog("se-arch-01");

        Select select = new Select(browser.find(By.id("target-mode")));
        assertThat(browser.value(By.id("target-mode"))).isEmpty();
        assertThat(select.getAllSelectedOptions()).allSatisfy(option -> assertThat(option.getDomProperty("value")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector("#target-mode option[value='ar']")).isSelected()).isFalse();
        assertThat(browser.driver().findElement(By.cssSelector("#target-mode option[value='rw']")).isSelected()).isFalse();
        assertThat(displayed("mode-consequence-ar")).isFalse();
        assertThat(displayed("mode-consequence-rw")).isFalse();
        browser.screenshot("stub-storage-mode-nothing-chosen");

        // the browser does not send the form without a choice ...
        browser.click(By.id("se-mode-submit"));
        assertThat(browser.find(By.id("se-mode-modal")).isDisplayed()).isTrue();
        // ... and the UI's server refuses it when it is sent anyway
        browser.script("document.getElementById('target-mode').removeAttribute('required')");
        browser.click(By.id("se-mode-submit"));
        browser.waitText(By.cssSelector("#se-mode-modal .alert-error"), "Choose the new mode first");
        assertThat(FAKE.storageElements.get(ro.get("id")).get("mode")).isEqualTo("ro");
        assertThat(FAKE.requests).noneMatch(request -> request.endsWith("/mode"));
    }

    @Test
    void archivingRequiresTypingTheNameOfTheStorageElement() {
        Map<String, Object> ro = FAKE.addStorageElement("Archive SE", "se-arch-01", "ro", "online", 100L << 30, 90L << 30);
        openModeDialog("se-arch-01");
        new Select(browser.find(By.id("target-mode"))).selectByValue("ar");
        assertThat(browser.text(By.id("mode-consequence-ar"))).contains("cannot be undone")
                .contains("Type the name of the storage element, Archive SE, to confirm");
        assertThat(displayed("mode-consequence-rw")).isFalse();
        browser.screenshot("stub-storage-mode-archive");

        // no name, and a wrong one: refused inside the dialog, nothing sent to admin-module
        browser.click(By.id("se-mode-submit"));
        browser.waitText(By.cssSelector("#se-mode-modal .alert-error"), "The typed name does not match Archive SE");
        assertThat(browser.value(By.id("target-mode"))).isEqualTo("ar");
        browser.type(By.id("mode-confirm-name"), "archive se");
        browser.click(By.id("se-mode-submit"));
        browser.waitText(By.cssSelector("#se-mode-modal .alert-error"), "The typed name does not match Archive SE");
        browser.screenshot("stub-storage-mode-archive-wrong-name");
        assertThat(FAKE.storageElements.get(ro.get("id")).get("mode")).isEqualTo("ro");
        assertThat(FAKE.requests).noneMatch(request -> request.endsWith("/mode"));
        // the rollback's confirmation box does not stand in for the name either
        browser.script("document.getElementById('mode-confirm').checked = true");
        browser.type(By.id("mode-confirm-name"), "Archive");
        browser.click(By.id("se-mode-submit"));
        browser.waitText(By.cssSelector("#se-mode-modal .alert-error"), "The typed name does not match Archive SE");
        assertThat(FAKE.storageElements.get(ro.get("id")).get("mode")).isEqualTo("ro");

        browser.type(By.id("mode-confirm-name"), "Archive SE");
        browser.clickAndAwaitContent(By.id("se-mode-submit"));
        browser.waitText(By.id("alerts"), "Mode of Archive SE changed from ro to ar.");
        assertThat(FAKE.storageElements.get(ro.get("id")).get("mode")).isEqualTo("ar");
    }

    @Test
    void readOnlySaysThatUploadsStop() {
        Map<String, Object> rw = FAKE.addStorageElement("Moscow SE 01", "se-msk-01", "rw", "online", 100L << 30, 40L << 30);
        openModeDialog("se-msk-01");
        assertThat(browser.value(By.id("target-mode"))).isEmpty();
        assertThat(displayed("mode-consequence-ro")).isFalse();
        new Select(browser.find(By.id("target-mode"))).selectByValue("ro");
        assertThat(browser.text(By.id("mode-consequence-ro"))).contains("Uploads to this storage element stop");
        browser.screenshot("stub-storage-mode-readonly");
        assertThat(FAKE.storageElements.get(rw.get("id")).get("mode")).isEqualTo("rw");
        browser.clickAndAwaitContent(By.id("se-mode-submit"));
        browser.waitText(By.id("alerts"), "Mode of Moscow SE 01 changed from rw to ro.");
        assertThat(FAKE.storageElements.get(rw.get("id")).get("mode")).isEqualTo("ro");
    }

    private boolean displayed(String id) {
        return browser.driver().findElement(By.id(id)).isDisplayed();
    }

    private void openModeDialog(String storageId) {
        browser.login("admin", "pw");
        browser.click(By.id("nav-storage"));
        browser.click(By.cssSelector("tr[data-storage-id='" + storageId + "'] .se-mode-change"));
        browser.find(By.id("se-mode-modal"));
    }

}
