package com.tradeflow.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the console's tests: Debian's headless chromium driven through its chromedriver (packages
 * {@code chromium} and {@code chromium-driver}, installed by {@code .ci/run}; elsewhere set CHROMIUM_BIN and
 * CHROMEDRIVER_BIN). Without them the browser tests are skipped, and fail instead when TRADEFLOW_REQUIRE_BROWSER is
 * true (CI sets it, so that they cannot go missing unnoticed). Screenshots go to the test report.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "failsafe-reports", "console-screenshots");
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> CHROMEDRIVER = List.of("/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    static Browser start() {
        Optional<String> chromium = executable("CHROMIUM_BIN", CHROMIUM);
        Optional<String> chromedriver = executable("CHROMEDRIVER_BIN", CHROMEDRIVER);
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String missing = "no chromium/chromedriver here (apt-get install chromium chromium-driver, or set "
                    + "CHROMIUM_BIN and CHROMEDRIVER_BIN)";
            if (Boolean.parseBoolean(System.getenv("TRADEFLOW_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(missing + ", and TRADEFLOW_REQUIRE_BROWSER=true");
            }
            Assumptions.abort(missing + ": browser tests skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get());
        // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.get()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        return new Browser(driver);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Forgets every cookie of the host (the console's and the issuer's: browsers share them between ports). */
    void forgetSessions() {
        driver.manage().deleteAllCookies();
    }

    /** On the issuer's sign-in form: signs in, and waits until the browser has left the form. */
    void signIn(String username, String password) {
        String form = driver.getCurrentUrl();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        // the click returns before the redirects back to the console are followed
        new WebDriverWait(driver, PAGE_LOAD).until(browser -> !form.equals(browser.getCurrentUrl()));
    }

    Optional<WebElement> find(By by) {
        return driver.findElements(by).stream().findFirst();
    }

    /** The element, once the page shows it (after a form's post and redirect, say). */
    WebElement await(By by) {
        return new WebDriverWait(driver, PAGE_LOAD)
                .until(browser -> browser.findElements(by).stream().findFirst().orElse(null));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<String> executable(String variable, List<String> candidates) {
        String set = System.getenv(variable);
        return (set != null && !set.isBlank() ? Stream.of(set) : candidates.stream())
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst();
    }
}
