package io.artstore.ui.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A browser test: skipped (or failed, see {@link BrowserRequired}) without Chromium,
 * otherwise the UI runs in this JVM on a random port against the shared {@link TestStack}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserRequired.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "artstore.logging.format=text", "artstore.ui.query-url=http://127.0.0.1:9"})
public @interface BrowserTest {
}
