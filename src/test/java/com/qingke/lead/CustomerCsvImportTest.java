package com.qingke.lead;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.identity.MergeSuggestion;
import com.qingke.platform.AuditEntry;
import com.qingke.support.Fixtures;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class CustomerCsvImportTest {
    private static final Logger LOG = Logger.getLogger(CustomerCsvImportTest.class);
    @Inject Fixtures fixtures;
    String manager;

    @BeforeEach
    void signIn() {
        manager = fixtures.bearer(fixtures.manager("刘洋"));
    }

    /** Phones of one test: a random 4-digit block after "15", then a running number. */
    /**
     * The 174 segment (maritime satellite) is valid but used by no generator or fixture, so a count by prefix sees only
     * this test's rows; with a common segment, demo customers loaded by other tests into the shared database collide.
     */
    /** 90 prefixes in turn from a random start: the tests of one run (the database is wiped per run) never share one. */
    private static final AtomicInteger NEXT_PREFIX = new AtomicInteger(ThreadLocalRandom.current().nextInt(90));

    static String phonePrefix() {
        return "174" + (10 + Math.floorMod(NEXT_PREFIX.getAndIncrement(), 90));
    }

    static String phone(String prefix, int n) {
        return prefix + String.format("%06d", n);
    }

    JsonPath upload(byte[] file, String encoding, boolean dryRun, boolean strict, String mapping) {
        var request = given().header("Authorization", manager).multiPart("file", "customers.csv", file, "text/csv");
        if (mapping != null) {
            request = request.multiPart(new MultiPartSpecBuilder(mapping).controlName("mapping").mimeType("application/json")
                    .charset(StandardCharsets.UTF_8).build());
        }
        return request.queryParam("dryRun", dryRun).queryParam("strict", strict).queryParam("encoding", encoding)
                .post("/api/admin/import/customers").then().statusCode(200).extract().jsonPath();
    }

    long countPhones(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.count("phone like ?1", prefix + "%"));
    }

    @Test
    void tenThousandRowsImportInOneGoWithLinksAndATimelineEach() {
        fixtures.rep("孙悟空");
        String prefix = phonePrefix();
        StringBuilder csv = new StringBuilder("姓名,手机,公司,职位,标签,客户编号\n");
        String crmPrefix = "CRM-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < 10_000; i++) {
            csv.append("客户").append(i).append(',').append(phone(prefix, i)).append(",公司").append(i % 300)
                    .append(",采购,\"华东,老客户\",").append(crmPrefix).append(i).append('\n');
        }
        long started = System.nanoTime();
        JsonPath report = upload(csv.toString().getBytes(StandardCharsets.UTF_8), "UTF-8", false, true, null);
        LOG.infof("Imported 10000 rows in %d ms", (System.nanoTime() - started) / 1_000_000);

        assertTrue(report.getBoolean("imported"));
        assertEquals(10_000, report.getInt("created"));
        assertEquals(0, report.getList("errors").size());
        assertEquals(10_000, countPhones(prefix));
        QuarkusTransaction.requiringNew().run(() -> {
            Customer sample = Customer.find("phone", phone(prefix, 4242)).firstResult();
            assertEquals("客户4242", sample.name);
            assertEquals(List.of("华东", "老客户"), sample.tags);
            assertEquals(Channel.IMPORT, sample.sourceChannel);
            assertNotNull(sample.ownerId, "imported customers get owners from the round-robin");
            assertTrue(Math.abs(sample.createdAt.getEpochSecond() - java.time.Instant.now().getEpochSecond()) < 600,
                    "timestamps written by JDBC read back as the same instant");
            assertEquals(2, IdentityLink.count("customerId", sample.id));
            assertEquals(1, BehaviourEvent.count("customerId = ?1 and type = ?2", sample.id, EventType.IMPORTED));
            assertEquals(1, IdentityLink.count("kind = ?1 and value = ?2", IdentityKind.CRM_ID, crmPrefix + 4242));
        });

        // the same file again finds everyone by customer number: nothing is created twice
        JsonPath again = upload(csv.toString().getBytes(StandardCharsets.UTF_8), "UTF-8", false, true, null);
        assertEquals(0, again.getInt("created"));
        assertEquals(10_000, again.getInt("updated"));
        assertEquals(10_000, countPhones(prefix));
    }

    @Test
    void oneBadRowInStrictModeImportsNothingAndNamesTheRow() {
        String prefix = phonePrefix();
        String csv = "姓名,手机,公司\n张一," + phone(prefix, 1) + ",甲公司\n张二,12345,乙公司\n张三," + phone(prefix, 3) + ",丙公司\n";
        JsonPath report = upload(csv.getBytes(StandardCharsets.UTF_8), "UTF-8", false, true, null);

        assertFalse(report.getBoolean("imported"));
        assertEquals(0, report.getInt("created"));
        assertEquals(1, report.getList("errors").size());
        assertEquals(3, report.getInt("errors[0].line"), "the header is line 1");
        assertEquals("手机", report.getString("errors[0].column"));
        assertThat(report.getString("errors[0].message"), containsString("手机号格式不正确"));
        assertEquals(0, countPhones(prefix));

        JsonPath lenient = upload(csv.getBytes(StandardCharsets.UTF_8), "UTF-8", false, false, null);
        assertTrue(lenient.getBoolean("imported"));
        assertEquals(2, lenient.getInt("created"));
        assertEquals(1, lenient.getInt("skipped"));
        assertEquals(2, countPhones(prefix));
    }

    @Test
    void aDryRunReportsWithoutWriting() {
        String prefix = phonePrefix();
        String csv = "姓名,手机\n李一," + phone(prefix, 1) + "\n李二," + phone(prefix, 2) + "\n";
        JsonPath report = upload(csv.getBytes(StandardCharsets.UTF_8), "UTF-8", true, true, null);
        assertTrue(report.getBoolean("dryRun"));
        assertFalse(report.getBoolean("imported"));
        assertEquals(2, report.getInt("created"));
        assertEquals(0, countPhones(prefix));
    }

    @Test
    void gbkFilesFromExcelAndCustomHeadersAreRead() {
        String prefix = phonePrefix();
        Employee rep = fixtures.rep("王芳");
        String csv = "客户全称,联系电话,所在单位,跟进销售\r\n周芷若," + phone(prefix, 7) + ",峨眉科技," + rep.wecomUserId + "\r\n";
        JsonPath report = upload(csv.getBytes(Charset.forName("GBK")), "GBK", false, true,
                "{\"客户全称\":\"name\",\"联系电话\":\"phone\",\"所在单位\":\"company\",\"跟进销售\":\"owner\"}");
        assertEquals(1, report.getInt("created"));
        QuarkusTransaction.requiringNew().run(() -> {
            Customer c = Customer.find("phone", phone(prefix, 7)).firstResult();
            assertEquals("周芷若", c.name);
            assertEquals("峨眉科技", c.company);
            assertEquals(rep.id, c.ownerId);
        });
    }

    @Test
    void aFileInTheWrongEncodingOrWithoutANameColumnIsRefusedClearly() {
        byte[] gbk = "姓名,手机\n张三,13800000000\n".getBytes(Charset.forName("GBK"));
        given().header("Authorization", manager).multiPart("file", "c.csv", gbk, "text/csv").queryParam("encoding", "UTF-8")
                .post("/api/admin/import/customers").then().statusCode(400).body("detail", containsString("GBK"));
        given().header("Authorization", manager).multiPart("file", "c.csv", "手机\n13800000000\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/admin/import/customers").then().statusCode(400).body("detail", containsString("未找到姓名列"));
    }

    @Test
    void importedRowsResolveIdentityByPhone() {
        String prefix = phonePrefix();
        Employee rep = fixtures.rep("陈杰");
        Customer known = fixtures.customerOf(rep, "老客户");
        String knownPhone = phone(prefix, 1);
        String sharedPhone = phone(prefix, 2);
        Customer a = fixtures.customerOf(rep, "共用甲");
        Customer b = fixtures.customerOf(rep, "共用乙");
        QuarkusTransaction.requiringNew().run(() -> {
            ((Customer) Customer.findById(known.id)).phone = knownPhone;
            ((Customer) Customer.findById(a.id)).phone = sharedPhone;
            ((Customer) Customer.findById(b.id)).phone = sharedPhone;
        });
        String csv = "姓名,手机,公司,标签\n老客户," + knownPhone + ",新公司名,重点\n新人," + sharedPhone + ",,\n";
        JsonPath report = upload(csv.getBytes(StandardCharsets.UTF_8), "UTF-8", false, true, null);

        assertEquals(1, report.getInt("updated"));
        assertEquals(1, report.getInt("created"));
        assertEquals(2, report.getInt("suggestions"));
        QuarkusTransaction.requiringNew().run(() -> {
            Customer updated = Customer.findById(known.id);
            assertEquals("测试公司", updated.company, "existing values are kept");
            assertTrue(updated.tags.contains("重点"), "tags are added");
            assertEquals(2, MergeSuggestion.count("candidateId in ?1 and status = ?2", List.of(a.id, b.id), MergeSuggestion.Status.OPEN));
            assertTrue(AuditEntry.count("action = ?1", "CUSTOMERS_IMPORTED") >= 1);
        });
    }

    @Test
    void unknownOwnersAreRowErrors() {
        String prefix = phonePrefix();
        String csv = "姓名,手机,负责人\n某人," + phone(prefix, 1) + ",不存在的销售\n";
        JsonPath report = upload(csv.getBytes(StandardCharsets.UTF_8), "UTF-8", false, true, null);
        assertEquals("负责人", report.getString("errors[0].column"));
        assertThat(report.getString("errors[0].message"), containsString("不存在的销售"));
        assertEquals(0, countPhones(prefix));
    }

    @Test
    void onlyManagersImport() {
        given().header("Authorization", fixtures.bearer(fixtures.rep("张伟"))).multiPart("file", "c.csv", "姓名\n甲\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/admin/import/customers").then().statusCode(403);
    }

    @Test
    void exportsAreUtf8WithBomForExcelAndDefuseFormulas() {
        String prefix = phonePrefix();
        String csv = "姓名,手机,公司\n\"=HYPERLINK(\"\"x\"\")\"," + phone(prefix, 5) + ",导出测试公司\n";
        upload(csv.getBytes(StandardCharsets.UTF_8), "UTF-8", false, true, null);

        byte[] body = given().header("Authorization", manager).get("/api/admin/export/customers.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).header("Content-Disposition", containsString("customers.csv"))
                .extract().asByteArray();
        assertEquals((byte) 0xEF, body[0]);
        assertEquals((byte) 0xBB, body[1]);
        assertEquals((byte) 0xBF, body[2]);
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF客户ID,姓名,手机,公司"), text.substring(0, 40));
        assertTrue(text.contains("'=HYPERLINK"), "a formula is written as text");
        assertTrue(text.contains(phone(prefix, 5)));

        given().header("Authorization", manager).get("/api/admin/export/opportunities.csv")
                .then().statusCode(200).body(startsWith("\uFEFF商机ID,客户ID,客户"));
    }
}
