package io.artstore.ui.stub;

import io.artstore.ui.browser.Browser;
import io.artstore.ui.browser.BrowserRequired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A browser test of the UI against {@link FakeAdminModule}: one fake for every such test class
 * (so they share one application context too), emptied before each test, and a fresh browser
 * per test.
 */
@ExtendWith(BrowserRequired.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "artstore.logging.format=text")
abstract class StubBrowserTestBase {

    /** Lives as long as the test JVM: the application contexts that point at it are cached as long. */
    protected static final FakeAdminModule FAKE = FakeAdminModule.start();

    @LocalServerPort
    protected int port;

    protected Browser browser;

    @DynamicPropertySource
    static void fakeServices(DynamicPropertyRegistry registry) {
        registry.add("artstore.ui.admin-url", FAKE::url);
        registry.add("artstore.ui.query-url", FAKE::url);
    }

    @BeforeEach
    void emptyFakeAndOpenBrowser() {
        FAKE.storageElements.clear();
        FAKE.files.clear();
        FAKE.requests.clear();
        FAKE.bodies.clear();
        FAKE.replicationStatus = null;
        FAKE.replicationFails = false;
        FAKE.drainRefusal = null;
        browser = Browser.open("http://127.0.0.1:" + port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
