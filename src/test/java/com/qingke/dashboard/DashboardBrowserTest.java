package com.qingke.dashboard;

import com.qingke.demo.DemoData;
import com.qingke.employee.Employee;
import com.qingke.platform.security.SessionTokens;
import com.qingke.scoring.AnalysisWorker;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.scoring.ModelSnapshot;
import com.qingke.scoring.winrate.WinRateTraining;
import com.qingke.support.Screenshots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the workbench in Debian's Chromium (playwright-core, sidebar-web/e2e/dashboard.e2e.mjs) as the demo manager 刘洋,
 * on a desktop and a phone viewport: every chart drew a canvas, no console errors, no request leaves the app, the
 * live list refreshes; the screenshots it takes are checked and go to target/dashboard-screenshots/, or to
 * docs/screenshots/ with {@code -Dupdate-screenshots=true} ({@link Screenshots}). The data: the demo data set loaded
 * into a corp of its own, with its win-rate model trained on the demo's closed deals and every customer analysed by
 * the real pipeline (intent grades, win rates, recommended actions).
 */
@QuarkusTest
class DashboardBrowserTest {
    @Inject DemoData demo;
    @Inject AnalysisRequests analysis;
    @Inject AnalysisWorker worker;
    @Inject WinRateTraining training;
    @Inject SessionTokens tokens;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theDashboardRendersItsChartsInARealBrowserOnDesktopAndPhone() throws Exception {
        String corp = "ww-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(demo.loadIfEmpty(corp).isPresent());
        ModelSnapshot model = training.retrain(corp);
        analysis.requestForAllActive(corp, "e2e");
        while (worker.drain(100) > 0) {
            // analyse every demo customer: intent grades, win rates and recommended actions
        }
        Employee manager = QuarkusTransaction.requiringNew().call(() -> Employee.findByUserId(corp, "liuyang").orElseThrow());

        // The model card the training stored is what the page shows as the model's quality.
        io.restassured.RestAssured.given().cookie("qk_session", tokens.issue(manager)).get("/dashboard/api/summary")
                .then().statusCode(200)
                .body("pipeline.model.snapshotId", org.hamcrest.Matchers.is(model.id.intValue()))
                .body("pipeline.model.trainingSize", org.hamcrest.Matchers.is(model.trainingSize))
                .body("pipeline.model.calibration.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("pipeline.winRateByStage.scored.sum()", org.hamcrest.Matchers.greaterThan(0));
        Path root = Path.of(System.getProperty("user.dir"));
        Path script = root.resolve("sidebar-web/e2e/dashboard.e2e.mjs");
        assertTrue(Files.exists(script), "e2e script " + script);
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) || System.getenv("QINGKE_CHROMIUM") != null,
                "Chromium is missing: install Debian's package with `apt-get install -y chromium` (.ci/run does this)");
        assertTrue(Files.isDirectory(root.resolve("sidebar-web/node_modules/playwright-core")),
                "sidebar-web/node_modules is missing: the Maven build installs it (npm ci) unless -Dsidebar.skip=true was given");
        Path log = Files.createTempFile("dashboard-e2e", ".log");
        Path shots = Screenshots.folder(root, "dashboard-screenshots");
        Instant started = Instant.now();

        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        String url = base.toString();
        pb.environment().put("QK_BASE_URL", url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        pb.environment().put("QK_SESSION", tokens.issue(manager));
        pb.environment().put("QK_SCREENSHOTS", shots.toString());
        Process node = pb.start();
        boolean finished = node.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "e2e did not finish in time:\n" + output);
        assertEquals(0, node.exitValue(), "e2e failed:\n" + output);
        assertTrue(output.contains("\"failures\":[]"), output);
        Screenshots.assertFreshPng(shots.resolve("dashboard-desktop.png"), started, 10_000);
        Screenshots.assertFreshPng(shots.resolve("dashboard-phone.png"), started, 10_000);
    }
}
