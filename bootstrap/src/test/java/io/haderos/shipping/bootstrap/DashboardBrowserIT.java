package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /dashboard} in a real (headless) Chromium against the real jar: Aramex goes down, three quotes open its
 * breaker, and the page shows it without being reloaded; then the gateway stops and the page says the connection
 * is lost. Screenshots land in {@code target/dashboard.png} (desktop) and {@code target/dashboard-phone.png}.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromedriver} at fixed paths, so Selenium Manager never downloads a
 * browser. Without them the test is skipped, unless {@code CI=true}: then it fails.
 */
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final By ARAMEX_CARD = By.cssSelector("[data-breaker=\"aramex\"]");

    @BeforeAll
    static void requireChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, CHROMIUM + " and " + CHROMEDRIVER + " are needed for the browser test");
    }

    @Test
    void givenTheDashboardOpen_whenAramexGoesDownAndItsBreakerOpens_thenTheCardTurnsOpenWithoutAReload()
            throws Exception {
        GatewayProcess gateway = GatewayProcess.start("dashboard-browser", Map.of("ARAMEX_TIMEOUT", "2"));
        WebDriver browser = chromium();
        try {
            browser.get(gateway.gateway.resolve("/dashboard").toString());
            WebDriverWait wait = new WebDriverWait(browser, BOUND, Duration.ofMillis(100));
            wait.until(ExpectedConditions.attributeToBe(ARAMEX_CARD, "data-state", "closed"));
            assertThat(browser.findElements(By.cssSelector("[data-breaker]")))
                    .extracting(card -> card.getAttribute("data-breaker"))
                    .containsExactly("aramex", "smsa");
            assertThat(browser.findElement(By.id("connection")).getAttribute("data-connection"))
                    .isEqualTo("ok");
            assertThat(browser.findElement(By.id("held-orders")).getAttribute("data-count"))
                    .as("the held-order count, from the monitoring report")
                    .isEqualTo(String.valueOf(
                            gateway.monitoring().path("held_orders").asInt()));
            js(browser, "window.__noReload = 1;");

            gateway.fault("aramex", "down");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> quote = gateway.post(GatewayIT.RATES, GatewayIT.QUOTE);
                assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
                assertThat(gateway.json(quote).path("provider").asText()).isEqualTo("smsa");
            }

            wait.until(ExpectedConditions.attributeToBe(ARAMEX_CARD, "data-state", "open"));
            assertThat(js(browser, "return window.__noReload;"))
                    .as("the page was not reloaded")
                    .isEqualTo(1L);
            WebElement aramex = browser.findElement(ARAMEX_CARD);
            assertThat(field(aramex, "state").getText()).isEqualToIgnoringCase("open");
            assertThat(field(aramex, "failure_count").getText()).isEqualTo("3");
            assertThat(field(aramex, "retry_after").getText()).startsWith("in ");
            assertThat(browser.findElement(By.cssSelector("[data-breaker=\"smsa\"]"))
                            .getAttribute("data-state"))
                    .isEqualTo("closed");
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#alerts [data-alert-breaker=\"aramex\"][data-severity=\"critical\"]")));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-breaker=\"aramex\"] [data-field=\"transitions\"] li[data-to=\"open\"]")));
            screenshot(browser, "dashboard.png");

            browser.manage().window().setSize(new Dimension(390, 844));
            wait.until(driver -> ((Number) js(driver, "return window.innerWidth;")).intValue() < 600);
            List<WebElement> cards = browser.findElements(By.cssSelector("[data-breaker]"));
            assertThat(cards)
                    .extracting(card -> card.getRect().getX())
                    .as("one column on a phone")
                    .containsOnly(cards.get(0).getRect().getX());
            assertThat(((Number) js(browser, "return document.documentElement.scrollWidth - window.innerWidth;"))
                            .intValue())
                    .as("no sideways scrolling on a phone")
                    .isLessThanOrEqualTo(0);
            screenshot(browser, "dashboard-phone.png");

            gateway.close();
            wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-connection", "lost"));
            assertThat(browser.findElement(By.id("connection")).getText()).containsIgnoringCase("connection lost");
            assertThat(browser.findElement(ARAMEX_CARD).getAttribute("data-state"))
                    .as("the last known state stays")
                    .isEqualTo("open");
            assertThat(js(browser, "return window.__noReload;")).isEqualTo(1L);
        } finally {
            browser.quit();
            gateway.close();
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static WebElement field(WebElement card, String name) {
        return card.findElement(By.cssSelector("[data-field=\"" + name + "\"]"));
    }

    private static Object js(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
