package com.qingke.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityService;
import com.qingke.material.TrackedLinks;
import com.qingke.platform.QingkeConfig;
import com.qingke.scoring.winrate.WinRateTraining;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.wecom.WeComFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every operation of the served OpenAPI document × {no session, the customer's owner, a rep who follows the customer,
 * another rep, a manager, an expired session} → the status it must answer. The list of operations comes from
 * /q/openapi, so a new endpoint without a row here fails; pages hidden from the document are found by scanning the
 * resource classes and must have a row too. Public endpoints are rows that say why they are public.
 * Refusals (401/403) must not carry the customer's name, phone or company.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Who { NONE, OWNER, FOLLOWER, OTHER_REP, MANAGER, EXPIRED }

    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;
    @Inject WeComFixtures wecom;
    @Inject FakeWeComState fakeCorp;
    @Inject IdentityService identity;
    @Inject TrackedLinks links;
    @Inject WinRateTraining training;
    @Inject QingkeConfig qingke;
    @Inject SessionConfig sessionConfig;
    @Inject SessionTokens tokens;

    private MatrixWorld.People mainCorp;
    private MatrixWorld.People ownCorp;
    private final Map<String, MatrixWorld> shared = new LinkedHashMap<>();

    // ---- the table -------------------------------------------------------------------------------------------

    /** Expected status per caller; {@code publicReason} is set for endpoints anyone may call. */
    record Expect(Map<Who, Integer> status, String publicReason) {
        int of(Who who) {
            return status.get(who);
        }

        Expect but(Who who, int s) {
            Map<Who, Integer> copy = new EnumMap<>(status);
            copy.put(who, s);
            return new Expect(copy, publicReason);
        }
    }

    /** Only reps with a relation to the customer (owner, WeCom follower) and managers. */
    static Expect customer(int ok) {
        return expect(401, ok, ok, 403, ok, 401);
    }

    /** Any signed-in employee; what they see is filtered by the service. */
    static Expect signedIn(int ok) {
        return expect(401, ok, ok, ok, ok, 401);
    }

    static Expect managers(int ok) {
        return expect(401, 403, 403, 403, ok, 401);
    }

    /** Anyone, session or not: the reason says what protects it instead. */
    static Expect open(int status, String reason) {
        Expect e = expect(status, status, status, status, status, status);
        return new Expect(e.status(), reason);
    }

    static Expect expect(int none, int owner, int follower, int otherRep, int manager, int expired) {
        Map<Who, Integer> m = new EnumMap<>(Who.class);
        m.put(Who.NONE, none);
        m.put(Who.OWNER, owner);
        m.put(Who.FOLLOWER, follower);
        m.put(Who.OTHER_REP, otherRep);
        m.put(Who.MANAGER, manager);
        m.put(Who.EXPIRED, expired);
        return new Expect(m, null);
    }

    /** One request; {@code body} is a String or byte[]. */
    record Req(String method, String path, Map<String, Object> query, Map<String, String> headers, String contentType, Object body) {
        static Req of(String method, String path) {
            return new Req(method, path, new LinkedHashMap<>(), new LinkedHashMap<>(), null, null);
        }

        Req query(String name, Object value) {
            query.put(name, value);
            return this;
        }

        Req header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Req body(String type, Object content) {
            return new Req(method, path, query, headers, type, content);
        }

        Req json(String content) {
            return body("application/json", content);
        }
    }

    static Req get(String path) {
        return Req.of("GET", path);
    }

    static Req post(String path) {
        return Req.of("POST", path);
    }

    static Req put(String path) {
        return Req.of("PUT", path);
    }

    /**
     * A row: the operation as "METHOD /path/{template}" (as in the OpenAPI document), the expectation, and the
     * request. {@code ownCorp}: the row runs in a corp of its own because it acts on the whole corp (queues every
     * customer, retrains the model, ...), which would disturb other tests in the shared one.
     */
    record Row(String operation, Expect expect, boolean ownCorp, boolean documented, Function<MatrixWorld, Req> request) {
        String method() {
            return operation.substring(0, operation.indexOf(' '));
        }
    }

    private static final String NO_SESSION_NEEDED_CALLBACK =
            "WeChat calls it without a session; the request signature (token, AES key, timestamp window) is the authentication";

    List<Row> table() {
        List<Row> rows = new ArrayList<>();
        // recommended actions (WF-04/05)
        rows.add(row("GET /api/actions", signedIn(200), w -> get("/api/actions")));
        rows.add(row("GET /api/actions/{id}", customer(200), w -> get("/api/actions/" + w.proposedAction().id)));
        rows.add(row("POST /api/actions/{id}/confirm", customer(200), w -> post("/api/actions/" + w.proposedAction().id + "/confirm").json("{}")));
        rows.add(row("POST /api/actions/{id}/dismiss", customer(200),
                w -> post("/api/actions/" + w.proposedAction().id + "/dismiss").json("{\"reason\": \"矩阵测试\"}")));
        rows.add(row("POST /api/actions/{id}/executed", customer(200),
                w -> post("/api/actions/" + w.confirmedAction().id + "/executed").json("{\"channel\": \"CHAT\"}")));
        // the manager follows no customer in WeCom, so WeCom refuses a group send in the manager's name
        rows.add(row("POST /api/actions/{id}/group-send", customer(200).but(Who.MANAGER, 409),
                w -> post("/api/actions/" + w.confirmedAction().id + "/group-send")));
        rows.add(row("GET /api/customers/{customerId}/actions", customer(200), w -> get("/api/customers/" + w.customer().id + "/actions")));
        // administration
        rows.add(ownCorp("POST /api/admin/analysis/enqueue-all", managers(200), w -> post("/api/admin/analysis/enqueue-all")));
        rows.add(ownCorp("POST /api/admin/analysis/rescore", managers(200), w -> post("/api/admin/analysis/rescore")));
        rows.add(ownCorp("GET /api/admin/export/customers.csv", managers(200), w -> get("/api/admin/export/customers.csv")));
        rows.add(ownCorp("GET /api/admin/export/opportunities.csv", managers(200), w -> get("/api/admin/export/opportunities.csv")));
        rows.add(ownCorp("POST /api/admin/import/customers", managers(200), w -> post("/api/admin/import/customers")
                .body("text/csv; charset=UTF-8", "客户名称,手机\n矩阵导入-" + w.marker + ",\n")));
        rows.add(ownCorp("GET /api/admin/models/win-rate", managers(200), w -> {
            w.trainedModel();
            return get("/api/admin/models/win-rate");
        }));
        rows.add(ownCorp("POST /api/admin/models/win-rate/retrain", managers(200), w -> post("/api/admin/models/win-rate/retrain")));
        rows.add(row("GET /api/admin/rules", managers(200), w -> get("/api/admin/rules")));
        rows.add(ownCorp("POST /api/admin/rules/dry-run", managers(200), w -> post("/api/admin/rules/dry-run")
                .json("{\"files\": {\"matrix.drl\": \"package qingke;\\n\"}}")));
        rows.add(row("POST /api/admin/rules/reload", managers(200), w -> post("/api/admin/rules/reload")));
        rows.add(ownCorp("GET /api/campaigns", managers(200), w -> get("/api/campaigns")));
        rows.add(ownCorp("POST /api/campaigns", managers(201), w -> post("/api/campaigns")
                .json("{\"name\": \"矩阵活动\", \"channel\": \"WEB_FORM\"}")));
        rows.add(row("GET /api/merges", managers(200), w -> get("/api/merges").query("customerId", w.customer().id)));
        rows.add(row("POST /api/merges/{id}/undo", managers(200), w -> post("/api/merges/" + w.mergeId() + "/undo")));
        // customers and what hangs off them
        rows.add(row("POST /api/customers", signedIn(201), w -> post("/api/customers").json("{\"name\": \"矩阵新客户\"}")));
        rows.add(row("GET /api/customers/{id}", customer(200), w -> get("/api/customers/" + w.customer().id)));
        rows.add(row("PUT /api/customers/{id}/tags", customer(200), w -> put("/api/customers/" + w.customer().id + "/tags")
                .json("{\"tags\": [\"矩阵\"]}")));
        rows.add(row("POST /api/customers/{customerId}/analysis", customer(200), w -> post("/api/customers/" + w.customer().id + "/analysis")));
        rows.add(row("POST /api/customers/{customerId}/notes", customer(201), w -> post("/api/customers/" + w.customer().id + "/notes")
                .json("{\"kind\": \"NOTE\", \"text\": \"矩阵备注\"}")));
        rows.add(row("GET /api/customers/{customerId}/tasks", customer(200), w -> get("/api/customers/" + w.customer().id + "/tasks")));
        rows.add(row("POST /api/customers/{customerId}/tasks", customer(201), w -> post("/api/customers/" + w.customer().id + "/tasks")
                .json("{\"title\": \"矩阵任务\"}")));
        rows.add(row("POST /api/customers/{customerId}/tracked-links", customer(201),
                w -> post("/api/customers/" + w.customer().id + "/tracked-links").json("{\"materialId\": " + w.material().id + "}")));
        rows.add(row("POST /api/tasks/{id}/complete", customer(200), w -> post("/api/tasks/" + w.taskId() + "/complete")
                .json("{\"outcome\": \"矩阵完成\"}")));
        // identity: a suggestion is decided by a rep who sees one of the two customers
        rows.add(row("GET /api/merge-suggestions", signedIn(200), w -> get("/api/merge-suggestions")));
        rows.add(row("POST /api/merge-suggestions/{id}/accept", customer(200), w -> post("/api/merge-suggestions/" + w.mergeSuggestionId() + "/accept")));
        rows.add(row("POST /api/merge-suggestions/{id}/reject", customer(200), w -> post("/api/merge-suggestions/" + w.mergeSuggestionId() + "/reject")));
        // materials
        rows.add(row("GET /api/materials", signedIn(200), w -> get("/api/materials")));
        rows.add(row("GET /api/materials/{id}", signedIn(200), w -> get("/api/materials/" + w.material().id)));
        rows.add(row("POST /api/materials", managers(201), w -> post("/api/materials")
                .json("{\"kind\": \"BROCHURE\", \"title\": \"矩阵手册\", \"contentUrl\": \"/materials/demo/matrix\"}")));
        rows.add(row("POST /api/materials/{id}/activate", managers(200), w -> post("/api/materials/" + w.material().id + "/activate")));
        rows.add(row("POST /api/materials/{id}/deactivate", managers(200), w -> post("/api/materials/" + w.material().id + "/deactivate")));
        // opportunities
        rows.add(row("GET /api/opportunities/stages", signedIn(200), w -> get("/api/opportunities/stages")));
        rows.add(row("GET /api/opportunities/{id}", customer(200), w -> get("/api/opportunities/" + w.opportunity().id)));
        rows.add(row("POST /api/opportunities/{id}/stage", customer(200), w -> post("/api/opportunities/" + w.opportunity().id + "/stage")
                .json("{\"stage\": \"QUALIFIED\"}")));
        rows.add(row("PUT /api/opportunities/{id}/contacts/{contactId}/reached", customer(200),
                w -> put("/api/opportunities/" + w.opportunity().id + "/contacts/" + w.decisionContactId() + "/reached")
                        .json("{\"reached\": true}")));
        // the rep's sidebar
        rows.add(row("GET /api/me", signedIn(200), w -> get("/api/me")));
        rows.add(row("GET /api/sidebar/settings", open(200, "the sidebar page asks before sign-in whether the demo bridge is on; "
                + "two flags, no data"), w -> get("/api/sidebar/settings")));
        rows.add(row("GET /api/sidebar/customers/{id}", customer(200), w -> get("/api/sidebar/customers/" + w.customer().id)));
        rows.add(row("GET /api/sidebar/customers/{id}/events", customer(200), w -> get("/api/sidebar/customers/" + w.customer().id + "/events")
                .query("before", w.eventId())));
        rows.add(row("GET /api/sidebar/by-external-user/{externalUserId}", customer(200),
                w -> get("/api/sidebar/by-external-user/" + w.externalUserId())));
        rows.add(row("GET /api/sidebar/my-customers", signedIn(200), w -> get("/api/sidebar/my-customers")));
        // WeCom
        rows.add(row("GET /api/wecom/channel-codes", signedIn(200), w -> get("/api/wecom/channel-codes")));
        rows.add(row("POST /api/wecom/channel-codes", signedIn(201), w -> post("/api/wecom/channel-codes").json("{\"name\": \"矩阵活码\"}")));
        rows.add(row("POST /api/wecom/customers/{customerId}/group-send", customer(201).but(Who.MANAGER, 409),
                w -> {
                    w.externalUserId();
                    return post("/api/wecom/customers/" + w.customer().id + "/group-send").json("{\"text\": \"您好\"}");
                }));
        rows.add(row("GET /api/wecom/external-contacts/{externalUserId}/customer", customer(200),
                w -> get("/api/wecom/external-contacts/" + w.externalUserId() + "/customer")));
        rows.add(row("GET /api/wecom/jssdk", signedIn(200), w -> get("/api/wecom/jssdk").query("url", qingke.publicUrl() + "/sidebar/")));
        // manager workbench
        for (String part : List.of("actions", "activity", "channels", "kpis", "summary")) {
            rows.add(row("GET /dashboard/api/" + part, managers(200), w -> get("/dashboard/api/" + part)));
        }
        rows.add(row("GET /dashboard/export/{table}.csv", managers(200), w -> get("/dashboard/export/kpis.csv")));
        // public: sign-in, callbacks, tracked links
        rows.add(row("GET /auth/wecom", open(302, "starts the WeCom sign-in; redirects only to this site's paths"),
                w -> get("/auth/wecom").query("redirect", "/sidebar/")));
        rows.add(row("GET /auth/wecom/callback", open(400, "ends the WeCom sign-in; needs the state cookie it set and WeCom's code"),
                w -> get("/auth/wecom/callback").query("code", "x").query("state", "y")));
        rows.add(row("GET /wecom/callback", open(403, NO_SESSION_NEEDED_CALLBACK), w -> get("/wecom/callback")
                .query("msg_signature", "0".repeat(40)).query("timestamp", Instant.now().getEpochSecond()).query("nonce", "n")
                .query("echostr", "x")));
        rows.add(row("POST /wecom/callback", open(403, NO_SESSION_NEEDED_CALLBACK), w -> post("/wecom/callback")
                .query("msg_signature", "0".repeat(40)).query("timestamp", Instant.now().getEpochSecond()).query("nonce", "n")
                .body("text/xml", "<xml><ToUserName>x</ToUserName><Encrypt>AAAA</Encrypt></xml>")));
        rows.add(row("GET /official-account/callback", open(403, NO_SESSION_NEEDED_CALLBACK), w -> get("/official-account/callback")
                .query("signature", "0".repeat(40)).query("timestamp", Instant.now().getEpochSecond()).query("nonce", "n")
                .query("echostr", "x")));
        rows.add(row("POST /official-account/callback", open(403, NO_SESSION_NEEDED_CALLBACK), w -> post("/official-account/callback")
                .query("signature", "0".repeat(40)).query("timestamp", Instant.now().getEpochSecond()).query("nonce", "n")
                .body("text/xml", "<xml><MsgType>event</MsgType></xml>")));
        rows.add(row("GET /t/{token}", open(302, "the customer opens a material link; the unguessable token is the key, and it "
                + "reveals only the material"), w -> get("/t/" + w.trackedLinkToken())));
        // pages and consoles the OpenAPI document hides
        rows.add(hidden("GET /", open(200, "home page: links to the demo entry points, no data"), w -> get("/")));
        rows.add(hidden("GET /dashboard", expect(303, 403, 403, 403, 200, 303), w -> get("/dashboard")));
        rows.add(hidden("GET /lead-form", open(200, "the public web lead form"), w -> get("/lead-form")));
        rows.add(hidden("POST /lead-form", open(200, "the public web lead form: consent, honeypot and a per-address rate limit"),
                w -> post("/lead-form").header("X-Forwarded-For", newIp())
                        .body("application/x-www-form-urlencoded; charset=UTF-8", "name=%E7%9F%A9%E9%98%B5&phone=138"
                                + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000)) + "&consent=on")));
        rows.add(hidden("GET /materials/demo/{slug}", open(200, "the demo's own material pages, what a tracked link leads to"),
                w -> {
                    w.material();
                    return get("/materials/demo/quote-standard");
                }));
        String demo = "console of the fake WeChat server: 404 unless it runs (demo and test profiles; it refuses to start in prod)";
        rows.add(hidden("GET /demo/wechat", open(200, demo), w -> get("/demo/wechat")));
        rows.add(hidden("POST /demo/wechat/add-contact", open(303, demo), w -> post("/demo/wechat/add-contact")
                .body("application/x-www-form-urlencoded", "userId=" + w.people.owner().wecomUserId)));
        for (String action : List.of("customer-deletes-rep", "rep-deletes-customer", "edit-contact")) {
            rows.add(hidden("POST /demo/wechat/" + action, open(400, demo), w -> post("/demo/wechat/" + action)
                    .body("application/x-www-form-urlencoded", "relation=")));
        }
        rows.add(hidden("GET /demo/wechat/official-account", open(200, demo), w -> get("/demo/wechat/official-account")));
        rows.add(hidden("POST /demo/wechat/official-account/subscribe", open(303, demo), w -> post("/demo/wechat/official-account/subscribe")
                .body("application/x-www-form-urlencoded", "scene=")));
        rows.add(hidden("POST /demo/wechat/official-account/event", open(404, demo), w -> post("/demo/wechat/official-account/event")
                .body("application/x-www-form-urlencoded", "openid=nobody&event=CLICK")));
        // served outside JAX-RS
        rows.add(hidden("GET /q/health", open(200, "health for the load balancer: up/down and the database check, no data"),
                w -> get("/q/health")));
        rows.add(hidden("GET /q/metrics", open(200, "Prometheus metrics: counters and timings, no personal data; restrict at the proxy"),
                w -> get("/q/metrics")));
        rows.add(hidden("GET /q/openapi", open(200, "the API description itself"), w -> get("/q/openapi")));
        return rows;
    }

    private static Row row(String operation, Expect expect, Function<MatrixWorld, Req> request) {
        return new Row(operation, expect, false, true, request);
    }

    private static Row ownCorp(String operation, Expect expect, Function<MatrixWorld, Req> request) {
        return new Row(operation, expect, true, true, request);
    }

    private static Row hidden(String operation, Expect expect, Function<MatrixWorld, Req> request) {
        return new Row(operation, expect, false, false, request);
    }

    // ---- the tests -------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersEachKindOfCallerAsTheTableSays() {
        Set<String> documented = openApiOperations();
        assertTrue(documented.size() > 40, "the OpenAPI document lists the API: " + documented);
        Map<String, Row> table = new LinkedHashMap<>();
        for (Row r : table()) {
            assertNull(table.put(r.operation(), r), "one row per operation: " + r.operation());
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : documented) {
            Row r = table.get(operation);
            tests.add(DynamicTest.dynamicTest(operation, r == null
                    ? () -> fail(operation + " is in the OpenAPI document but has no row in the authorization matrix: add one to "
                    + "AuthorizationMatrixTest.table() with the status each kind of caller must get")
                    : () -> check(r)));
        }
        for (Row r : table.values()) {
            if (r.documented() && !documented.contains(r.operation())) {
                tests.add(DynamicTest.dynamicTest(r.operation(), () -> fail(r.operation()
                        + " has a row but is not in the OpenAPI document: remove the row, or mark it hidden if the page is hidden")));
            } else if (!r.documented()) {
                tests.add(DynamicTest.dynamicTest(r.operation() + " (not in the OpenAPI document)", () -> check(r)));
            }
        }
        return tests.stream();
    }

    @Test
    void theOpenApiDocumentSaysWhichOperationsNeedASessionAsTheTableDoes() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<String> wrong = new ArrayList<>();
        for (Row r : table()) {
            if (!r.documented()) {
                continue;
            }
            String path = r.operation().substring(r.operation().indexOf(' ') + 1);
            JsonNode operation = doc.path("paths").path(path).path(r.method().toLowerCase());
            boolean documentedAsSecured = operation.path("security").size() > 0;
            boolean needsSession = r.expect().of(Who.NONE) == 401;
            if (r.expect().publicReason() != null && documentedAsSecured) {
                wrong.add(r.operation() + " is public but the document asks for a session");
            } else if (needsSession && !documentedAsSecured) {
                wrong.add(r.operation() + " needs a session but the document does not say so");
            }
        }
        assertEquals(List.of(), wrong, "what /q/openapi tells client developers about sessions");
    }

    @Test
    void everyResourceMethodIsInTheOpenApiDocumentOrHasARowAsAHiddenPage() throws IOException {
        Set<String> documented = openApiOperations();
        Set<String> hidden = new TreeSet<>();
        table().stream().filter(r -> !r.documented()).forEach(r -> hidden.add(r.operation()));
        Set<String> resources = resourceMethods();
        assertTrue(resources.size() >= documented.size(), "the scan found the resource classes: " + resources);
        Set<String> unlisted = new TreeSet<>(resources);
        unlisted.removeAll(documented);
        unlisted.removeAll(hidden);
        assertEquals(Set.of(), unlisted, "resource methods neither in the OpenAPI document nor declared as hidden rows");
    }

    @Test
    void theExpiredSessionOfTheMatrixIsRefusedOnlyForItsExpiry() {
        Employee manager = people(false).manager();
        given().header("Authorization", "Bearer " + session(manager, Instant.now().plusSeconds(120))).get("/api/me")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + session(manager, Instant.now().minusSeconds(1))).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().cookie(sessionConfig.cookieName(), session(manager, Instant.now().minusSeconds(1))).get("/api/me")
                .then().statusCode(401);
    }

    @Test
    void aDeactivatedEmployeesSessionEndsAtOnceAndARoleChangeTakesEffectAtOnce() {
        Employee rep = fixtures.rep("矩阵离职");
        String token = tokens.issue(rep);
        given().header("Authorization", "Bearer " + token).get("/dashboard/api/kpis").then().statusCode(403);
        QuarkusTransaction.requiringNew().run(() -> Employee.update("role = ?1 where id = ?2", Employee.Role.MANAGER, rep.id));
        given().header("Authorization", "Bearer " + token).get("/dashboard/api/kpis").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Employee.update("active = false where id = ?1", rep.id));
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    // ---- running a row ---------------------------------------------------------------------------------------

    private void check(Row row) {
        List<String> problems = new ArrayList<>();
        for (Who who : Who.values()) {
            int expected = row.expect().of(who);
            boolean changes = !row.method().equals("GET") && expected < 400;
            MatrixWorld world = changes ? new MatrixWorld(tools(), people(row.ownCorp())) : sharedWorld(row.ownCorp());
            Req req = row.request().apply(world);
            Response response = send(req, who, people(row.ownCorp()));
            int status = response.statusCode();
            String body = response.asString();
            if (status != expected) {
                problems.add(who + ": expected " + expected + ", got " + status + " " + abbreviate(body));
            }
            if (status == 401 || status == 403) {
                if (world.secrets().isEmpty() && row.expect().of(Who.OTHER_REP) == 403 && row.expect().of(Who.OWNER) < 400) {
                    problems.add(who + ": a row about one customer must make the customer, or the leak check has nothing to look for");
                }
                for (String secret : world.secrets()) {
                    if (secret != null && !secret.isBlank() && body.contains(secret)) {
                        problems.add(who + ": the " + status + " body shows \"" + secret + "\": " + abbreviate(body));
                    }
                }
                if (req.path().startsWith("/api/") || req.path().startsWith("/dashboard/api/") || req.path().startsWith("/dashboard/export/")) {
                    String type = response.contentType();
                    if (type == null || !type.startsWith("application/problem+json")) {
                        problems.add(who + ": a refusal of the API must be problem+json, was " + type);
                    }
                }
            }
        }
        if (row.expect().publicReason() != null) {
            assertFalse(row.expect().publicReason().isBlank(), "a public row says why it is public");
        }
        assertTrue(problems.isEmpty(), row.operation() + "\n  " + String.join("\n  ", problems));
    }

    private Response send(Req req, Who who, MatrixWorld.People people) {
        RequestSpecification spec = given().redirects().follow(false);
        String token = switch (who) {
            case NONE -> null;
            case OWNER -> tokens.issue(people.owner());
            case FOLLOWER -> tokens.issue(people.follower());
            case OTHER_REP -> tokens.issue(people.otherRep());
            case MANAGER -> tokens.issue(people.manager());
            // the most powerful session there is, signed with the real secret, a minute past its expiry
            case EXPIRED -> session(people.manager(), Instant.now().minusSeconds(60));
        };
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        spec = spec.headers(req.headers()).queryParams(req.query());
        if (req.contentType() != null) {
            spec = spec.contentType(req.contentType());
        }
        if (req.body() instanceof byte[] bytes) {
            spec = spec.body(bytes);
        } else if (req.body() != null) {
            spec = spec.body((String) req.body());
        }
        return spec.request(req.method(), req.path());
    }

    private String session(Employee e, Instant expiresAt) {
        return new SessionTokens(sessionConfig, Clock.systemUTC()).issue(new SessionClaims(e.id, e.wecomUserId, e.corpId, expiresAt));
    }

    private MatrixWorld sharedWorld(boolean ownCorp) {
        return shared.computeIfAbsent(ownCorp ? "own" : "main", k -> new MatrixWorld(tools(), people(ownCorp)));
    }

    private MatrixWorld.Tools tools() {
        return new MatrixWorld.Tools(fixtures, data, wecom, fakeCorp, identity, links, training);
    }

    private MatrixWorld.People people(boolean own) {
        if (own) {
            if (ownCorp == null) {
                String corp = "ww-authz-" + UUID.randomUUID().toString().substring(0, 8);
                ownCorp = new MatrixWorld.People(corp, employee(corp, "矩阵负责人", Employee.Role.REP),
                        employee(corp, "矩阵协作", Employee.Role.REP), employee(corp, "矩阵旁人", Employee.Role.REP),
                        employee(corp, "矩阵主管", Employee.Role.MANAGER), employee(corp, "矩阵路人", Employee.Role.REP));
            }
            return ownCorp;
        }
        if (mainCorp == null) {
            // in the fake WeCom directory too: group sends and the current-contact lookup ask WeCom who follows whom
            mainCorp = new MatrixWorld.People(qingke.corpId(), wecom.rep("矩阵负责人"), wecom.rep("矩阵协作"), wecom.rep("矩阵旁人"),
                    wecom.manager("矩阵主管"), wecom.rep("矩阵路人"));
        }
        return mainCorp;
    }

    private static Employee employee(String corp, String name, Employee.Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Employee e = new Employee();
            e.corpId = corp;
            e.wecomUserId = Fixtures.unique("u");
            e.name = name;
            e.role = role;
            e.persist();
            return e;
        });
    }

    // ---- where the operations come from ----------------------------------------------------------------------

    /** "METHOD /path" of every operation in the document the app serves. */
    static Set<String> openApiOperations() {
        try {
            JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString());
            Set<String> operations = new TreeSet<>();
            Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "delete", "patch", "head", "options").contains(method)) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                });
            }
            return operations;
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
    }

    /** "METHOD /path" of every JAX-RS resource method in the application's classes. */
    static Set<String> resourceMethods() throws IOException {
        Path root = Path.of("target/classes");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("com/qingke"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = httpMethod(m);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                    if (path.length() > 1 && path.endsWith("/")) {
                        path = path.substring(0, path.length() - 1);
                    }
                    found.add(verb + " " + path);
                }
            }
        }
        return found;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static final java.util.concurrent.atomic.AtomicInteger VISITOR = new java.util.concurrent.atomic.AtomicInteger();

    /** A visitor address of its own (forwarded by the trusted loopback proxy), so the form's rate limit stays out of it. */
    static String newIp() {
        int n = VISITOR.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
