package io.artstore.ui.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} + {@code chromedriver}) driven by
 * Selenium, with a fresh profile, small helpers that wait for HTMX swaps, and
 * screenshots under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    public static Browser open(String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("artstore-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BrowserRequired.CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(BrowserRequired.CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, baseUrl, profile);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Waits (10 s) until an element is visible. */
    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public void click(By by) {
        for (int attempt = 0; ; attempt++) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by)).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException ex) {
                if (attempt == 5) {
                    throw ex;
                }
            }
        }
    }

    /**
     * Clicks something whose answer replaces the page content ({@code #content}, e.g. a form
     * whose success loads the page again) and waits until the new content is in place.
     */
    public void clickAndAwaitContent(By by) {
        script("var c = document.getElementById('content'); if (c) { c.setAttribute('data-replaced', 'no'); }");
        click(by);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("var c = document.getElementById('content');"
                        + " return c != null && c.getAttribute('data-replaced') !== 'no' && document.readyState === 'complete';")));
    }

    public void type(By by, String text) {
        WebElement element = find(by);
        element.clear();
        element.sendKeys(text);
    }

    /** Text of an element, found again if an HTMX swap replaced it meanwhile. */
    public String text(By by) {
        for (int attempt = 0; ; attempt++) {
            try {
                return find(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException ex) {
                if (attempt == 5) {
                    throw ex;
                }
            }
        }
    }

    /** Value attribute of an input, found again if an HTMX swap replaced it meanwhile. */
    public String value(By by) {
        for (int attempt = 0; ; attempt++) {
            try {
                return find(by).getDomProperty("value");
            } catch (org.openqa.selenium.StaleElementReferenceException ex) {
                if (attempt == 5) {
                    throw ex;
                }
            }
        }
    }

    /** Waits until the element's text contains {@code text}. */
    public void waitText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits until exactly {@code count} elements match. */
    public void waitCount(By by, int count) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(by, count));
    }

    /** Waits until the address bar's path and query contain {@code fragment} (HTMX pushes filter URLs). */
    public void waitPath(String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> path().contains(fragment));
    }

    public void waitGone(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script ({@code arguments[arguments.length - 1]} is the callback). */
    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Logs in from a clean state (cookies of an earlier session dropped). */
    public void login(String username, String password) {
        go("/login");
        driver.manage().deleteCookieNamed("ARTSTORE_UI_SESSION");
        go("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("login-submit"));
    }

    public void logout() {
        click(By.id("logout"));
        find(By.id("login-form"));
    }

    /** Saves a PNG of the current page under {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ex) {
                // temporary profile; leftovers are harmless
            }
        }
    }
}
