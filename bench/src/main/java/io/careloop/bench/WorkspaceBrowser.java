package io.careloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The queue screen in a headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * as web's browser tests): signs in once, then opens a queue view by a full navigation (address
 * bar, so the page, its script and the first page of tickets all load) and reads how long after the
 * navigation started the first rows were on screen. The figure is measured in the page: the queue
 * screen sets the performance mark {@value #MARK} once it has rendered its first page of rows
 * (QueuesScreen.tsx), and a mark's start time counts from the navigation's start.
 */
final class WorkspaceBrowser implements AutoCloseable {

    static final String MARK = "careloop:queue-first-rows";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private WorkspaceBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static WorkspaceBrowser start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new WorkspaceBrowser(new ChromeDriver(service, options));
    }

    void signIn(String base, String username, String password) {
        driver.get(base + "/queues/mine");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]"))).sendKeys(username);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=who]")));
    }

    /**
     * Navigates to {@code path} {@code warmup + runs} times and answers, for the measured runs, the
     * milliseconds from the navigation's start to the first page of rows on screen.
     */
    List<Double> firstRows(String base, List<String> paths, int warmup, int runs) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            driver.get(base + paths.get(i % paths.size()));
            try {
                wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return performance.getEntriesByName(arguments[0]).length > 0", MARK)));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new IllegalStateException(paths.get(i % paths.size()) + ": no rows after 30 s; requests: "
                        + driver.executeScript("return JSON.stringify(performance.getEntriesByType('resource')"
                        + ".map(r => [r.name, Math.round(r.startTime), Math.round(r.responseEnd)]))")
                        + "; the page says: " + driver.findElement(By.tagName("body")).getText().replace('\n', '|'), e);
            }
            Number at = (Number) driver.executeScript(
                    "return performance.getEntriesByName(arguments[0])[0].startTime", MARK);
            long rows = (Long) driver.executeScript("return document.querySelectorAll('tr[data-row]').length");
            if (rows == 0) {
                throw new IllegalStateException(paths.get(i % paths.size()) + ": the queue screen showed no rows");
            }
            if (i >= warmup) {
                ms.add(at.doubleValue());
            }
        }
        return ms;
    }

    /** The bytes of script the page loaded (transfer size, compressed), from the resource timings. */
    long scriptBytes() {
        Number n = (Number) driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(r => r.initiatorType === 'script' || r.name.endsWith('.js'))"
                + ".reduce((s, r) => s + (r.encodedBodySize || 0), 0)");
        return n.longValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
