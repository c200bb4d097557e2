package io.artstore.ui.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need Debian's {@code chromium} and {@code chromium-driver}. Without them
 * the test class is skipped with a clear message, unless the system property
 * {@code artstore.browser.required=true} (set by {@code .ci/run}) makes that a failure.
 * Evaluated before any Spring context or process is started.
 */
public final class BrowserRequired implements ExecutionCondition {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver)";
        if (Boolean.getBoolean("artstore.browser.required")) {
            throw new IllegalStateException(message + ", and artstore.browser.required=true");
        }
        return ConditionEvaluationResult.disabled("SKIPPED: " + message + " are not installed");
    }
}
