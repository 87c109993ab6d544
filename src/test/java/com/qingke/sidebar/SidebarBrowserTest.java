package com.qingke.sidebar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.opportunity.DecisionContact;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import com.qingke.platform.AuditEntry;
import com.qingke.platform.security.SessionTokens;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.support.Fixtures;
import com.qingke.support.Screenshots;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The sidebar in a real browser: Debian's Chromium driven by playwright-core from a Node script
 * (sidebar-web/e2e/sidebar.e2e.mjs), against this test's running app and its MariaDB.
 *
 * <p>The rep signs in with a session cookie issued by {@link SessionTokens}, the same token the WeCom OAuth callback
 * puts in the {@code qk_session} cookie: the rep is a fresh employee with a random userid that the fake WeCom server's
 * directory does not know, and the OAuth flow itself is covered by the WeCom integration's tests.
 *
 * <p>Fails, never skips, when Chromium or the front end's node_modules are missing.
 */
@QuarkusTest
class SidebarBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("sidebar.chromium", "/usr/bin/chromium"));
    private static final Path WEB = Path.of("sidebar-web").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 240;

    @TestHTTPResource("/")
    URL base;
    @Inject
    Fixtures fixtures;
    @Inject
    SessionTokens tokens;
    @Inject
    ObjectMapper json;

    @Test
    void repConfirmsAnEditedMessageOnceDismissesAnotherAndMovesTheOpportunity() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is missing at " + CHROMIUM
                + ": install Debian's package with `apt-get install -y chromium` (.ci/run does this), then run the tests again");
        assertTrue(Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "sidebar-web/node_modules is missing: the Maven build installs it (npm ci) unless -Dsidebar.skip=true was given");

        Employee rep = fixtures.rep("张伟");
        String name = Fixtures.unique("周明");
        Customer customer = fixtures.customerOf(rep, name);
        SidebarData.analysed(customer, "B", 64, List.of("近7天查看报价单3次（+20）", "主动咨询交期（+10）"), List.of("单线联系"));
        SidebarData.events(customer, rep, 60);
        Opportunity opportunity = SidebarData.opportunity(customer, Stage.QUALIFIED, 0.12);
        DecisionContact boss = SidebarData.contact(opportunity, "钱总", DecisionRole.DECISION_MAKER, false);
        SidebarData.contact(opportunity, "李工", DecisionRole.TECHNICAL, true);
        RecommendedAction message = SidebarData.action(customer, opportunity.id, "反复浏览报价：主动答疑", ActionKind.MESSAGE, 80,
                "客户反复查看报价，主动答疑", "周总您好，看到您在看数控车床的报价，有任何问题随时找我。");
        RecommendedAction task = SidebarData.action(customer, opportunity.id, "阶段停滞：约推进会议", ActionKind.TASK, 60,
                "约一次推进会议", null);
        String edited = "周总您好，报价里的交期可以再缩短一周，方便的话明天电话聊？" + Fixtures.unique("");

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("token", tokens.issue(rep));
        spec.put("cookieName", tokens.config().cookieName());
        spec.put("customerId", customer.id);
        spec.put("customerName", name);
        spec.put("grade", "B");
        spec.put("expectMoreEvents", true);
        spec.put("messageActionId", message.id);
        spec.put("editedText", edited);
        spec.put("dismissActionId", task.id);
        spec.put("dismissReason", "时机不合适");
        spec.put("targetStageLabel", Stage.PROPOSAL.label());
        spec.put("contactId", boss.id);
        // Always under target/ (or -Dsidebar.screenshots): they show this test's made-up customer, while the
        // documented ones come from the demo data (sidebar-web/e2e/screenshots.mjs).
        Path shots = Files.createDirectories(Path.of(System.getProperty("sidebar.screenshots", "target/sidebar-screenshots")).toAbsolutePath());
        spec.put("screenshots", shots.toString());
        Instant started = Instant.now();

        JsonNode result = runBrowser(spec);
        for (String shot : List.of("sidebar-customer.png", "sidebar-edit-message.png", "sidebar-sent-message.png", "sidebar-opportunity.png")) {
            Screenshots.assertFreshPng(shots.resolve(shot), started, 10_000);
        }

        assertTrue(result.path("ok").asBoolean(), result.toString());
        assertTrue(result.path("events").asInt() >= 50, "first screen shows the latest 50 events: " + result);
        assertTrue(result.path("eventsAfterScroll").asInt() > result.path("events").asInt(), "older events load on scroll: " + result);
        assertEquals(1, result.path("sent").size(), "exactly one message reached the demo bridge: " + result);
        assertEquals("text", result.path("sent").get(0).path("msgtype").asText());
        assertEquals(edited, result.path("sent").get(0).path("text").path("content").asText());

        QuarkusTransaction.requiringNew().run(() -> {
            RecommendedAction sent = RecommendedAction.findById(message.id);
            assertEquals(ActionStatus.EXECUTED, sent.status);
            assertEquals(edited, sent.finalText);
            assertEquals(rep.id, sent.decidedBy);
            assertNotNull(sent.executedAt);
            assertEquals(1, audits(message.id, "ACTION_CONFIRMED"));
            assertEquals(1, audits(message.id, "ACTION_EXECUTED"));
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", customer.id, EventType.MESSAGE_SENT));

            RecommendedAction dismissed = RecommendedAction.findById(task.id);
            assertEquals(ActionStatus.DISMISSED, dismissed.status);
            assertEquals("时机不合适", dismissed.dismissReason);
            assertEquals(1, audits(task.id, "ACTION_DISMISSED"));

            Opportunity moved = Opportunity.findById(opportunity.id);
            assertEquals(Stage.PROPOSAL, moved.stage);
            assertNotEquals(0.12, moved.winRate, 1e-9);
            List<StageChange> history = StageChange.list("opportunityId", opportunity.id);
            assertEquals(1, history.size());
            assertEquals(Stage.QUALIFIED, history.get(0).fromStage);
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", customer.id, EventType.STAGE_CHANGED));
            assertTrue(((DecisionContact) DecisionContact.findById(boss.id)).reached);
        });
        assertNotEquals(result.path("winRateBefore").asText(), result.path("winRateAfter").asText());
        assertEquals(Stage.PROPOSAL.label(), result.path("stageAfter").asText());
    }

    private static long audits(long actionId, String action) {
        return AuditEntry.count("entityType = 'recommended_action' and entityId = ?1 and action = ?2", actionId, action);
    }

    private JsonNode runBrowser(Map<String, Object> spec) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "e2e/sidebar.e2e.mjs", base.toString()).directory(WEB.toFile());
        pb.environment().put("QINGKE_E2E", json.writeValueAsString(spec));
        pb.environment().put("QINGKE_CHROMIUM", CHROMIUM.toString());
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the browser test did not finish within " + TIMEOUT_SECONDS + " s; its output: " + err.getNow(""));
        }
        String stdout = out.get(10, TimeUnit.SECONDS);
        String stderr = err.get(10, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "the browser test failed:\n" + stderr + "\n" + stdout);
        String last = stdout.strip().lines().reduce((a, b) -> b).orElse("{}");
        return json.readTree(last);
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
