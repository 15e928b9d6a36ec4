package io.crmrecon;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium, headless, for pages a person clicks. Tests that need it are skipped where it is not
 * installed, unless RECON_REQUIRE_BROWSER=true (CI installs it and sets that).
 */
public final class Browser {

    private static final File CHROMIUM = new File(System.getenv().getOrDefault("RECON_CHROMIUM", "/usr/bin/chromium"));
    private static final File DRIVER = new File(System.getenv().getOrDefault("RECON_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private Browser() {
    }

    /**
     * A wait that looks again when an element it read went stale: a page the browser is leaving (a form's redirect)
     * loses its elements between finding one and reading it.
     */
    public static WebDriverWait waiting(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Logs in on the app's login page as a user whose password is its name, and waits until the login went through:
     * a page asked for before then would be answered with the login page again.
     */
    public static void logIn(WebDriver browser, String base, String user) {
        browser.get(base + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(user);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(user);
        browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
        waiting(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public static WebDriver start() throws IOException {
        return start("zh-CN,zh,en");
    }

    /** @param languages what the browser asks for (Accept-Language), first choice first */
    public static WebDriver start(String languages) throws IOException {
        boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!installed) {
            if (Boolean.parseBoolean(System.getenv("RECON_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("RECON_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + DRIVER
                        + " is missing (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("Chromium is not installed: browser test skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=" + languages.split(",")[0],
                "--user-data-dir=" + Files.createTempDirectory("recon-chromium-"));
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Brings the element to the middle of the window, where a person would click it. */
    public static WebElement scrollTo(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** Waits until the page shows the text; if it never does, keeps a screenshot and says what the page showed. */
    public static void awaitText(WebDriver browser, WebDriverWait wait, String text, String shot) throws IOException {
        try {
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (TimeoutException e) {
            screenshot(browser, shot + "-timeout");
            throw new AssertionError("'" + text + "' not shown at " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /**
     * Fetches what a link of the page points at with the browser's login session (its cookies) and language, as the
     * browser's own download would: the file a person gets from a download link.
     */
    public static org.springframework.http.ResponseEntity<byte[]> download(WebDriver browser, String href) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        StringBuilder cookies = new StringBuilder();
        for (org.openqa.selenium.Cookie c : browser.manage().getCookies()) {
            cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
        }
        headers.add(org.springframework.http.HttpHeaders.COOKIE, cookies.toString());
        String language = browser.findElement(By.tagName("html")).getAttribute("lang");
        if (language != null && !language.isBlank()) {
            headers.add(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return new org.springframework.web.client.RestTemplate().exchange(java.net.URI.create(href),
                org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers),
                byte[].class);
    }

    /** Keeps what the person saw, under target/screenshots, for a look after the run. */
    public static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Logs in on Camunda's login page (Tasklist, Cockpit) as {@code user} with the password of the same name. The
     * page moves the focus to the user name once it has rendered: typing before that can put the password into the
     * user name ("clerkclerk"), so this waits for it and types again what did not arrive.
     */
    public static void logInToCamunda(WebDriver browser, WebDriverWait wait, String url, String user, String shot)
            throws IOException {
        browser.get(url);
        wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
        WebElement name = browser.findElement(By.cssSelector("input[type=text], input:not([type])"));
        WebElement password = browser.findElement(By.cssSelector("input[type=password]"));
        try {
            waiting(browser, Duration.ofSeconds(5)).until(d -> name.equals(d.switchTo().activeElement()));
        } catch (TimeoutException noAutofocus) {
            // a version that does not focus it: typing goes to the field addressed
        }
        for (int attempt = 0; attempt < 3 && !(user.equals(name.getAttribute("value"))
                && user.equals(password.getAttribute("value"))); attempt++) {
            name.clear();
            name.sendKeys(user);
            password.clear();
            password.sendKeys(user);
        }
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        try {
            wait.until(d -> d.findElements(By.cssSelector("input[type=password]")).isEmpty());
        } catch (TimeoutException e) {
            screenshot(browser, shot + "-timeout");
            throw e;
        }
    }
}
