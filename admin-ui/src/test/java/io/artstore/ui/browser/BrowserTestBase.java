package io.artstore.ui.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Common wiring of the browser tests: the UI points at the shared admin-module; one browser per class. */
public abstract class BrowserTestBase {

    private static Browser browser;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void adminModule(DynamicPropertyRegistry registry) {
        registry.add("artstore.ui.admin-url", () -> TestStack.shared().adminUrl());
    }

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = Browser.open("http://127.0.0.1:" + port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    protected Browser browser() {
        return browser;
    }

    protected TestStack stack() {
        return TestStack.shared();
    }
}
