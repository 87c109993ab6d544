package com.qingke.platform.security;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.EncryptedCallback;
import com.qingke.fakewechat.FakeOfficialAccountCallbacks;
import com.qingke.fakewechat.FakeWeComCallbacks;
import com.qingke.inbox.InboxWorker;
import com.qingke.material.MaterialKind;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.wecom.WeComFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A seeded fuzz run over what the internet can reach (the WeCom and official-account callbacks, the web lead form)
 * and what a signed-in user can send (CSV import, the JSON API): random and mutated XML, JSON, forms and CSV, broken
 * encodings, wrong content types and bodies over 1 MB. Nothing may answer 5xx, and a refused request must leave the
 * inbox, customer, identity, event, audit (and the other written) tables as they were.
 * <p>
 * The scheduler is paused meanwhile, so no background job changes a table between the before and after counts; what
 * an accepted request stored is processed right after it, inside the test.
 */
@QuarkusTest
class InboundFuzzTest {
    private static final long SEED = 20260612L;
    /** Tables a request from outside can write to; a refused one must add no row to any. */
    private static final List<String> TABLES = List.of("inbox_message", "customer", "identity_link", "behaviour_event", "audit_log",
            "customer_follower", "opportunity", "task", "campaign", "material", "tracked_link", "merge_suggestion", "outbox_event");
    private static final int MB = 1024 * 1024;

    @TestHTTPResource("/") URI base;
    @Inject Scheduler scheduler;
    @Inject InboxWorker inbox;
    @Inject AgroalDataSource db;
    @Inject FakeWeComCallbacks wecomSide;
    @Inject FakeOfficialAccountCallbacks oaSide;
    @Inject Fixtures fixtures;
    @Inject WeComFixtures people;
    @Inject AnalysisFixtures data;

    private final List<String> findings = new ArrayList<>();
    private final Map<String, Long> baseline = new LinkedHashMap<>();
    private String watched = "";
    private int cases;
    private int refused;

    @BeforeEach
    void quiet() {
        scheduler.pause();
        inbox.drain();
        for (String table : TABLES) {
            baseline.put(table, query("select coalesce(max(id), 0) from " + table));
        }
    }

    @AfterEach
    void resume() {
        scheduler.resume();
    }

    // ---- callbacks -------------------------------------------------------------------------------------------

    @Test
    void weComCallbackNeverAnswers5xxAndARefusalChangesNothing() {
        Fuzz fuzz = new Fuzz(SEED);
        Employee rep = people.rep("模糊测试");
        String path = FakeWeComCallbacks.CALLBACK_PATH;
        for (int i = 0; i < 60; i++) {
            // no valid signature: must be refused before anything is stored
            EncryptedCallback valid = wecomSide.encrypt(event(rep, i));
            String query = fuzz.chance(0.5) ? valid.queryString() : randomQuery(fuzz, "msg_signature", "timestamp", "nonce");
            byte[] body = switch (fuzz.nextInt(6)) {
                case 0 -> fuzz.bytes(2000);
                case 1 -> utf8(fuzz.xml());
                case 2 -> utf8(fuzz.mutate(valid.body()));
                case 3 -> fuzz.brokenUtf8(valid.body());
                case 4 -> fuzz.wrongCharset(valid.body().replace("<xml>", "<xml><客户>张三</客户>"));
                default -> utf8(Fuzz.deep("<xml>", "</xml>", 20_000));
            };
            if (query.equals(valid.queryString()) && Objects.equals(new String(body, StandardCharsets.UTF_8), valid.body())) {
                continue;
            }
            send("wecom unsigned #" + i, "POST", path + "?" + query, contentType(fuzz.pick(Fuzz.CONTENT_TYPES)), body);
        }
        for (int i = 0; i < 60; i++) {
            // correctly signed and encrypted, so the decrypted event itself is what is fuzzed
            String plain = switch (fuzz.nextInt(4)) {
                case 0 -> fuzz.xml();
                case 1 -> fuzz.mutate(event(rep, i));
                case 2 -> event(rep, i).replace("<Event>", "<Event>" + fuzz.nasty());
                default -> Fuzz.deep("<xml>", "</xml>", 5_000);
            };
            EncryptedCallback signed = wecomSide.encrypt(plain);
            send("wecom signed #" + i, "POST", path + "?" + signed.queryString(), contentType(fuzz.pick(Fuzz.CONTENT_TYPES)),
                    utf8(fuzz.chance(0.3) ? fuzz.mutate(signed.body()) : signed.body()));
        }
        for (int i = 0; i < 20; i++) {
            send("wecom url check #" + i, "GET", path + "?" + randomQuery(fuzz, "msg_signature", "timestamp", "nonce", "echostr"),
                    Map.of(), null);
        }
        EncryptedCallback valid = wecomSide.encrypt(event(rep, 999));
        send("wecom 1.5 MB", "POST", path + "?" + valid.queryString(), contentType("text/xml"), oversized(valid.body(), 3 * MB / 2));
        send("wecom 3 MB", "POST", path + "?" + valid.queryString(), contentType("text/xml"), oversized(valid.body(), 3 * MB));
        report();
    }

    @Test
    void officialAccountCallbackNeverAnswers5xxAndARefusalChangesNothing() {
        Fuzz fuzz = new Fuzz(SEED + 1);
        String path = FakeOfficialAccountCallbacks.CALLBACK_PATH;
        for (int i = 0; i < 40; i++) {
            FakeOfficialAccountCallbacks.Callback valid = oaSide.plain(oaEvent(fuzz, i));
            String query = fuzz.chance(0.5) ? randomQuery(fuzz, "signature", "timestamp", "nonce", "encrypt_type", "msg_signature")
                    : valid.query().replaceFirst("signature=[0-9a-f]", "signature=" + (char) ('g' + fuzz.nextInt(10)));
            byte[] body = switch (fuzz.nextInt(4)) {
                case 0 -> fuzz.bytes(2000);
                case 1 -> utf8(fuzz.xml());
                case 2 -> fuzz.brokenUtf8(valid.body());
                default -> utf8(fuzz.mutate(valid.body()));
            };
            send("oa unsigned #" + i, "POST", path + "?" + query, contentType(fuzz.pick(Fuzz.CONTENT_TYPES)), body);
        }
        for (int i = 0; i < 60; i++) {
            // plaintext mode signs only token, timestamp and nonce: the body reaches the parser as it is
            String xml = switch (fuzz.nextInt(5)) {
                case 0 -> fuzz.xml();
                case 1 -> fuzz.mutate(oaEvent(fuzz, i));
                case 2 -> Fuzz.deep("<xml>", "</xml>", 10_000);
                case 3 -> oaEvent(fuzz, i).replace("</xml>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;</xml>");
                default -> oaEvent(fuzz, i);
            };
            boolean encrypted = fuzz.chance(0.4);
            FakeOfficialAccountCallbacks.Callback signed = encrypted ? oaSide.encrypted(xml) : oaSide.plain(xml);
            byte[] body = fuzz.chance(0.2) ? fuzz.brokenUtf8(signed.body()) : utf8(signed.body());
            send("oa signed #" + i, "POST", path + "?" + signed.query(), contentType(fuzz.pick(Fuzz.CONTENT_TYPES)), body);
        }
        for (int i = 0; i < 15; i++) {
            send("oa url check #" + i, "GET", path + "?" + randomQuery(fuzz, "signature", "timestamp", "nonce", "echostr"), Map.of(), null);
        }
        FakeOfficialAccountCallbacks.Callback valid = oaSide.plain(oaEvent(fuzz, 999));
        send("oa 1.5 MB", "POST", path + "?" + valid.query(), contentType("text/xml"), oversized(valid.body(), 3 * MB / 2));
        send("oa 3 MB", "POST", path + "?" + valid.query(), contentType("text/xml"), oversized(valid.body(), 3 * MB));
        report();
    }

    // ---- forms -----------------------------------------------------------------------------------------------

    @Test
    void leadFormNeverAnswers5xxAndARefusalChangesNothing() {
        Fuzz fuzz = new Fuzz(SEED + 2);
        List<String> fields = List.of("name", "phone", "company", "need", "consent", "channel", "submission", "website");
        for (int i = 0; i < 90; i++) {
            String valid = "name=" + enc("模糊" + i) + "&phone=" + fuzz.phone() + "&consent=on&submission=" + UUID.randomUUID();
            byte[] body = switch (fuzz.nextInt(6)) {
                case 0 -> utf8(fuzz.form(fields));
                case 1 -> utf8(fuzz.mutate(valid));
                case 2 -> fuzz.brokenUtf8(valid.replace("name=", "name=" + "%E6%A8%A1"));
                case 3 -> fuzz.bytes(3000);
                case 4 -> utf8(valid + "&need=" + "x".repeat(1 + fuzz.nextInt(20_000)));
                default -> utf8(fuzz.json());
            };
            String type = fuzz.chance(0.6) ? "application/x-www-form-urlencoded" : fuzz.pick(Fuzz.CONTENT_TYPES);
            send("lead form #" + i, "POST", "/lead-form", visitor(type), body);
        }
        String valid = "name=" + enc("大表单") + "&phone=" + fuzz.phone() + "&consent=on&need=";
        send("lead form 1.5 MB", "POST", "/lead-form", visitor("application/x-www-form-urlencoded"), oversized(valid, 3 * MB / 2));
        send("lead form 3 MB", "POST", "/lead-form", visitor("application/x-www-form-urlencoded"), oversized(valid, 3 * MB));
        report();
    }

    @Test
    void csvImportNeverAnswers5xxAndARefusalChangesNothing() {
        Fuzz fuzz = new Fuzz(SEED + 3);
        String manager = fixtures.bearer(fixtures.manager("模糊主管"));
        String[] encodings = {"UTF-8", "GBK", "gb18030", "UTF-16", "ISO-8859-1", "nonexistent", "../../etc", "", "UTF-32", "x".repeat(300)};
        for (int i = 0; i < 70; i++) {
            String csv = fuzz.csv();
            byte[] file = switch (fuzz.nextInt(5)) {
                case 0 -> fuzz.bytes(4000);
                case 1 -> fuzz.brokenUtf8(csv);
                case 2 -> fuzz.wrongCharset(csv);
                default -> utf8(fuzz.chance(0.5) ? fuzz.mutate(csv) : csv);
            };
            // only text of phones in the 135 segment is ever imported for real, so no other test's counts move
            boolean dryRun = !(file.length > 0 && fuzz.chance(0.3) && new String(file, StandardCharsets.UTF_8).equals(csv));
            StringBuilder query = new StringBuilder("dryRun=" + dryRun + "&strict=" + fuzz.chance(0.5));
            if (fuzz.chance(0.5)) {
                query.append("&encoding=").append(enc(fuzz.pick(encodings)));
            }
            String mapping = fuzz.chance(0.3) ? (fuzz.chance(0.5) ? fuzz.json() : "{\"客户名称\":\"name\",\"手机\":\"" + fuzz.nasty() + "\"}") : null;
            if (fuzz.chance(0.5)) {
                if (mapping != null) {
                    query.append("&mapping=").append(enc(mapping));
                }
                String type = fuzz.chance(0.7) ? fuzz.pick(new String[] {"text/csv", "text/plain", "application/octet-stream"})
                        : fuzz.pick(Fuzz.CONTENT_TYPES);
                send("csv body #" + i, "POST", "/api/admin/import/customers?" + query, with(contentType(type), "Authorization", manager), file);
            } else {
                String boundary = fuzz.chance(0.8) ? "fuzz" + i : "";
                byte[] multipart = multipart(boundary, file, mapping, fuzz.chance(0.1));
                send("csv upload #" + i, "POST", "/api/admin/import/customers?" + query,
                        with(contentType("multipart/form-data; boundary=" + (fuzz.chance(0.9) ? boundary : "other")), "Authorization", manager),
                        multipart);
            }
        }
        byte[] big = oversized("客户名称,手机\n", 3 * MB / 2);
        send("csv 1.5 MB", "POST", "/api/admin/import/customers?dryRun=true", with(contentType("text/csv"), "Authorization", manager), big);
        send("csv 3 MB", "POST", "/api/admin/import/customers?dryRun=true", with(contentType("text/csv"), "Authorization", manager),
                oversized("客户名称,手机\n", 3 * MB));
        report();
    }

    // ---- the JSON API ----------------------------------------------------------------------------------------

    @Test
    void jsonApiNeverAnswers5xxAndARefusalChangesNothing() {
        Fuzz fuzz = new Fuzz(SEED + 4);
        Employee rep = people.rep("模糊销售");
        String repBearer = fixtures.bearer(rep);
        String managerBearer = fixtures.bearer(fixtures.manager("模糊主管"));
        Customer c = fixtures.customerOf(rep, "模糊客户");
        Opportunity o = data.opportunity(c, Stage.QUALIFIED, x -> { });
        data.decisionMaker(o, false);
        long contact = query("select id from decision_contact where opportunity_id = " + o.id);
        RecommendedAction action = data.action(c, ActionKind.MESSAGE, a -> a.draftText = "您好");
        long material = data.material(c.corpId, MaterialKind.BROCHURE, "模糊资料").id;
        watched = "select concat_ws('|', (select concat(version, tags, name, coalesce(phone, '')) from customer where id = " + c.id + "),"
                + " (select concat(version, stage) from opportunity where id = " + o.id + "),"
                + " (select reached from decision_contact where id = " + contact + "),"
                + " (select concat(version, status) from recommended_action where id = " + action.id + "),"
                + " (select active from material where id = " + material + "))";
        record Api(String method, String path, String valid, boolean manager) {
        }
        List<Api> apis = List.of(
                new Api("POST", "/api/customers", "{\"name\": \"模糊新客户\", \"phone\": \"" + fuzz.phone() + "\", \"tags\": [\"a\"]}", false),
                new Api("PUT", "/api/customers/" + c.id + "/tags", "{\"tags\": [\"高意向\", \"展会\"]}", false),
                new Api("POST", "/api/customers/" + c.id + "/notes", "{\"kind\": \"CALL\", \"text\": \"电话\", \"durationMinutes\": 5}", false),
                new Api("POST", "/api/customers/" + c.id + "/tasks", "{\"title\": \"回访\", \"dueAt\": \"2030-01-01T00:00:00Z\"}", false),
                new Api("POST", "/api/customers/" + c.id + "/tracked-links", "{\"materialId\": " + material + "}", false),
                new Api("POST", "/api/opportunities/" + o.id + "/stage", "{\"stage\": \"PROPOSAL\", \"reason\": \"报价\"}", false),
                new Api("PUT", "/api/opportunities/" + o.id + "/contacts/" + contact + "/reached", "{\"reached\": true}", false),
                new Api("POST", "/api/actions/" + action.id + "/dismiss", "{\"reason\": \"重复\"}", false),
                new Api("POST", "/api/actions/" + action.id + "/confirm", "{\"text\": \"您好\"}", false),
                new Api("POST", "/api/wecom/channel-codes", "{\"name\": \"模糊活码\"}", false),
                new Api("POST", "/api/campaigns", "{\"name\": \"模糊活动\", \"channel\": \"WEB_FORM\"}", true),
                new Api("POST", "/api/materials", "{\"kind\": \"QUOTE\", \"title\": \"模糊\", \"contentUrl\": \"https://x.example/q\"}", true),
                new Api("POST", "/api/admin/rules/dry-run", "{\"files\": {\"x.drl\": \"package qingke;\"}}", true));
        for (int i = 0; i < 130; i++) {
            Api api = fuzz.pick(apis);
            byte[] body = switch (fuzz.nextInt(7)) {
                case 0 -> utf8(fuzz.json());
                case 1, 2 -> utf8(fuzz.mutate(api.valid()));
                case 3 -> fuzz.brokenUtf8(api.valid());
                case 4 -> fuzz.wrongCharset(api.valid());
                case 5 -> utf8(Fuzz.deep("[", "]", 50_000));
                default -> fuzz.bytes(500);
            };
            String type = fuzz.chance(0.7) ? "application/json" : fuzz.pick(Fuzz.CONTENT_TYPES);
            send("json " + api.method() + " " + api.path() + " #" + i, api.method(), api.path(),
                    with(contentType(type), "Authorization", api.manager() ? managerBearer : repBearer), body);
        }
        Api notes = apis.get(2);
        send("json 1.5 MB", "POST", notes.path(), with(contentType("application/json"), "Authorization", repBearer),
                oversized("{\"kind\": \"NOTE\", \"text\": \"", 3 * MB / 2));
        send("json 3 MB", "POST", notes.path(), with(contentType("application/json"), "Authorization", repBearer),
                oversized("{\"kind\": \"NOTE\", \"text\": \"", 3 * MB));
        report();
    }

    // ---- running a case --------------------------------------------------------------------------------------

    private void send(String name, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        cases++;
        String before = state();
        int status;
        String answer;
        try {
            String[] response = exchange(method, pathAndQuery, headers, body);
            status = Integer.parseInt(response[0]);
            answer = response[1];
        } catch (IOException | RuntimeException e) {
            // the server may close the connection on a body over its limit before reading it: that is a refusal too
            if (body == null || body.length <= 2 * MB) {
                findings.add(name + ": no HTTP answer (" + e + ")");
            }
            status = 413;
            answer = "";
        }
        if (status >= 500) {
            findings.add(name + ": " + status + " " + abbreviate(answer));
        }
        if (status >= 400) {
            refused++;
            String after = state();
            if (!after.equals(before)) {
                findings.add(name + ": refused with " + status + " but the tables changed: " + before + " → " + after);
            }
        } else {
            inbox.drain(); // what was accepted is processed now, not during the next case
        }
    }

    /**
     * One request over a plain socket: java.net.http and REST Assured refuse to send a malformed query such as "%zz",
     * which is exactly what the server must cope with. Returns the status and the (raw) body.
     */
    private String[] exchange(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(120_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // refused before the body was read; the answer may still be waiting
            }
            byte[] raw = socket.getInputStream().readAllBytes();
            String text = new String(raw, StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.0 ")) {
                throw new IOException("not an HTTP answer: " + abbreviate(text));
            }
            int split = text.indexOf("\r\n\r\n");
            return new String[] {text.substring(9, 12), split < 0 ? "" : text.substring(split + 4)};
        }
    }

    private void report() {
        assertTrue(findings.isEmpty(), findings.size() + " of " + cases + " cases failed:\n  " + String.join("\n  ", findings));
        assertTrue(refused > cases / 3, "most fuzz cases must be refused, or the generator is too tame: " + refused + " of " + cases);
    }

    /** Rows added since the test started per table, and the watched rows' versions. */
    private String state() {
        StringBuilder s = new StringBuilder();
        for (String table : TABLES) {
            s.append(table).append('+').append(query("select count(*) from " + table + " where id > " + baseline.get(table))).append(' ');
        }
        if (!watched.isEmpty()) {
            s.append(queryString(watched));
        }
        return s.toString();
    }

    private long query(String sql) {
        return Long.parseLong(queryString(sql));
    }

    private String queryString(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return String.valueOf(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    // ---- inputs ----------------------------------------------------------------------------------------------

    /** An add_external_contact event for a contact WeCom does not know: accepted, stored, and then skipped. */
    private String event(Employee rep, int n) {
        return wecomSide.changeExternalContactXml("add_external_contact", rep.wecomUserId, "wmfuzz" + n + UUID.randomUUID().toString()
                .substring(0, 8), Map.of("State", "fuzz"), Instant.now().getEpochSecond());
    }

    /** An official-account event of a follower nobody knows. */
    private String oaEvent(Fuzz fuzz, int n) {
        String openid = "ofuzz" + n + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String[] events = {"CLICK", "VIEW", "unsubscribe", "SCAN", "subscribe", "LOCATION", "TEMPLATESENDJOBFINISH"};
        return oaSide.eventXml(openid, Instant.now().getEpochSecond(), fuzz.pick(events), fuzz.chance(0.5) ? fuzz.text(20) : null,
                fuzz.chance(0.3) ? fuzz.text(10) : null);
    }

    private static String randomQuery(Fuzz fuzz, String... names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            if (fuzz.chance(0.8)) {
                String value = switch (fuzz.nextInt(5)) {
                    case 0 -> Long.toString(Instant.now().getEpochSecond());
                    case 1 -> "0".repeat(40);
                    case 2 -> "%zz";
                    case 3 -> "x".repeat(fuzz.nextInt(5000));
                    default -> enc(fuzz.text(20));
                };
                parts.add(name + "=" + value);
            }
        }
        return String.join("&", parts);
    }

    private static Map<String, String> contentType(String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (type != null) {
            headers.put("Content-Type", type);
        }
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        headers.put(name, value);
        return headers;
    }

    private static final java.util.concurrent.atomic.AtomicInteger VISITOR = new java.util.concurrent.atomic.AtomicInteger();

    /** A form visitor of its own address, so the per-address limit does not turn cases into 429s. */
    private static Map<String, String> visitor(String type) {
        int n = VISITOR.incrementAndGet();
        return with(contentType(type), "X-Forwarded-For", "10.88." + (n / 250) + "." + (n % 250 + 1));
    }

    private static byte[] oversized(String prefix, int size) {
        byte[] start = utf8(prefix);
        byte[] body = new byte[size];
        System.arraycopy(start, 0, body, 0, start.length);
        java.util.Arrays.fill(body, start.length, size, (byte) 'A');
        return body;
    }

    private static byte[] multipart(String boundary, byte[] file, String mapping, boolean unterminated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"));
        out.writeBytes(file);
        if (mapping != null) {
            out.writeBytes(utf8("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping));
        }
        if (!unterminated) {
            out.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
