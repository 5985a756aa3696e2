package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.Infrastructure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The public status page in a real browser: Debian's headless Chromium, driven through chromedriver, reads what a
 * visitor reads, on a desktop window and on a phone-sized one. Screenshots are kept under
 * {@code target/screenshots/}. Without Debian's {@code chromium} and {@code chromium-driver} packages the test is
 * skipped, saying so.
 */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=incident-core", "vigil.status-page.name=Acme status"})
@DirtiesContext
class StatusPageBrowserIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("incident_core").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("vigil.incident.dedup-key-prefix", () -> "it:" + UUID.randomUUID() + ":");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's headless Chromium: apt-get install -y chromium chromium-driver "
                        + "(/usr/bin/chromium and /usr/bin/chromedriver)");
        jdbc.update("delete from status_incident");
        jdbc.update("delete from status_component");
        jdbc.update("delete from status_component_group");
        profile = Files.createTempDirectory("vigil-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        // The driver is named outright, so Selenium Manager never looks for one on the network.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aVisitorReadsTheOverallStatusAComponentInPartialOutageAndTheLatestUpdate() throws IOException {
        Api api = new Api(port);
        String core = created(api.post("/v1/status-page/groups", null, "{\"name\":\"Core services\"}"));
        String checkout = created(api.post("/v1/status-page/components", null,
                "{\"name\":\"Checkout API\",\"groupId\":\"%s\"}".formatted(core)));
        created(api.post("/v1/status-page/components", null,
                "{\"name\":\"Website\",\"groupId\":\"%s\"}".formatted(core)));
        String incident = created(api.post("/v1/status-page/incidents", "alice", """
                {"name":"Checkout errors","body":"Some payments fail; we are investigating.",
                 "components":{"%s":"partial_outage"}}""".formatted(checkout)));
        created(api.post("/v1/status-page/incidents/" + incident + "/updates", "alice",
                "{\"status\":\"identified\",\"body\":\"A faulty deploy is being rolled back.\"}"));

        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get("http://localhost:" + port + "/status");

        assertThat(browser.getTitle()).isEqualTo("Acme status: Partial System Outage");
        assertThat(browser.findElement(By.id("overall-status")).getText()).isEqualTo("Partial System Outage");
        WebElement checkoutRow = browser.findElement(By.id("component-" + checkout));
        assertThat(checkoutRow.findElement(By.className("component-name")).getText()).isEqualTo("Checkout API");
        assertThat(checkoutRow.findElement(By.className("status")).getText()).isEqualTo("Partial outage");
        WebElement card = browser.findElement(By.id("incident-" + incident));
        assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo("Checkout errors");
        List<WebElement> updates = card.findElements(By.className("update"));
        assertThat(updates).hasSize(2);
        assertThat(updates.getFirst().getText()).contains("Identified")
                .contains("A faulty deploy is being rolled back.");
        assertThat(browser.findElements(By.tagName("main"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Acme status");
        keepScreenshot("status-page.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("overall-status")).getText()).isEqualTo("Partial System Outage");
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        keepScreenshot("status-page-phone.png");
    }

    private void keepScreenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String created(Api.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        JsonNode json = answer.json();
        return json.get("id").asString();
    }
}
