package com.qingke.dashboard;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.opportunity.Stage;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.security.SessionTokens;
import com.qingke.support.Fixtures;
import com.qingke.timeline.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may open the workbench, what each kind of visitor gets, the CSV export and the assets the page loads. */
@QuarkusTest
class DashboardAccessTest {
    @Inject Fixtures fixtures;
    @Inject SessionTokens tokens;
    @Inject QingkeConfig config;

    private String cookie(Employee e) {
        return tokens.issue(e);
    }

    @Test
    void withoutASessionThePageRedirectsToWeComSignInAndComesBack() {
        given().redirects().follow(false).get("/dashboard?from=2024-03-01&to=2024-04-01")
                .then().statusCode(303)
                .header("Location", endsWith("/auth/wecom?redirect=%2Fdashboard%3Ffrom%3D2024-03-01%26to%3D2024-04-01"));
    }

    @Test
    void aRepGetsAChineseForbiddenPageNotJson() {
        Employee rep = fixtures.rep("陈杰");
        given().cookie("qk_session", cookie(rep)).get("/dashboard")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("无权访问管理者工作台"), containsString("陈杰"));
    }

    @Test
    void theJsonAndCsvEndpointsAnswerProblemJson() {
        Employee rep = fixtures.rep("李娜");
        given().get("/dashboard/api/kpis").then().statusCode(401).contentType("application/problem+json");
        given().cookie("qk_session", cookie(rep)).get("/dashboard/api/kpis")
                .then().statusCode(403).contentType("application/problem+json").body("status", is(403));
        given().header("Authorization", fixtures.bearer(rep)).get("/dashboard/api/activity")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/dashboard/export/kpis.csv").then().statusCode(401).contentType("application/problem+json");
        given().cookie("qk_session", cookie(rep)).get("/dashboard/export/kpis.csv")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aManagerSeesEverySectionWithChartsAndCsvLinks() {
        Employee manager = fixtures.manager("刘洋");
        given().cookie("qk_session", cookie(manager)).get("/dashboard?from=2024-03-01&to=2024-04-01")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("管理者工作台"),
                        containsString("2024-03-01 至 2024-03-31"), containsString("上期 2024-01-30 至 2024-02-29"),
                        containsString("id=\"chart-funnel\""), containsString("id=\"chart-calibration\""),
                        containsString("id=\"chart-channels\""), containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"),
                        containsString("id=\"dashboard-data\""),
                        containsString("/dashboard/export/opportunities.csv?from=2024-03-01&amp;to=2024-04-01"),
                        containsString("24小时触达率"), containsString(KpiQueries.DEF_REACH),
                        not(containsString("cdn")));
    }

    @Test
    void aMistypedPeriodShowsTheDefaultPageWithANoticeButTheApiRefusesIt() {
        Employee manager = fixtures.manager("刘洋");
        given().cookie("qk_session", cookie(manager)).get("/dashboard?from=2024-13-01")
                .then().statusCode(200).body(containsString("日期格式应为 yyyy-MM-dd"));
        given().cookie("qk_session", cookie(manager)).get("/dashboard/api/kpis?from=2024-04-01&to=2024-03-01")
                .then().statusCode(400).contentType("application/problem+json").body("detail", is("开始日期必须早于结束日期"));
        given().cookie("qk_session", cookie(manager)).get("/dashboard/api/kpis?rep=987654321")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void csvExportIsUtf8WithBomChineseHeadersAndOneRowPerLine() {
        Employee manager = fixtures.manager("刘洋");
        Employee rep = fixtures.rep("张伟");
        TeamData t = new TeamData(config.corpId());
        Campaign qr = t.campaign("春季展会, \"A\"区", Channel.OA_QR);
        Customer won = t.lead(rep, "甲", "2019-07-03T10:00", Channel.OA_QR, qr);
        t.opportunity(won, rep, "2019-07-04T10:00", "12345.6", null, Stage.INITIAL, Stage.WON);
        t.lead(rep, "乙", "2019-07-05T10:00", Channel.OA_QR, qr);

        Response r = given().cookie("qk_session", cookie(manager))
                .get("/dashboard/export/channels.csv?from=2019-07-01&to=2019-08-01&rep=" + rep.id);
        r.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("filename=\"channels_2019-07-01_2019-07-31.csv\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''"));
        byte[] body = r.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3));
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertEquals("渠道,活动/二维码,线索数,转商机数,商机转化率,赢单数,赢单转化率,赢单金额（元）\r\n"
                + "公众号二维码,\"春季展会, \"\"A\"\"区\",2,1,0.5000,1,0.5000,12345.60\r\n", text);
    }

    @Test
    void everyTableOfThePageExportsWithItsHeader() {
        Employee manager = fixtures.manager("刘洋");
        for (String table : new String[] {"kpis", "funnel", "stages", "win-rate-by-stage", "opportunities", "calibration",
                "active-customers", "open-actions", "actions-by-rep", "adoption", "dismiss-reasons", "channels"}) {
            String text = given().cookie("qk_session", cookie(manager)).get("/dashboard/export/" + table + ".csv")
                    .then().statusCode(200).extract().asString();
            assertEquals(true, text.startsWith("\uFEFF"), table);
            assertEquals(true, text.lines().findFirst().orElse("").matches("\uFEFF[^a-z]+"), table + " header is Chinese");
        }
        given().cookie("qk_session", cookie(manager)).get("/dashboard/export/nothing.csv").then().statusCode(404);
    }

    @Test
    void activityIsLiveJsonOfTheMostRecentlyActiveCustomersWithTheirKeyEvents() {
        Employee manager = fixtures.manager("刘洋");
        Employee rep = fixtures.rep("王芳");
        TeamData t = new TeamData(config.corpId());
        Customer quiet = t.lead(rep, "较早", "2024-01-01T10:00", Channel.WEB_FORM, null);
        Customer busy = t.lead(rep, "最新", "2024-01-01T10:00", Channel.WEB_FORM, null);
        t.activity(quiet, TeamData.at("2024-05-01T10:00"), "B");
        t.activity(busy, TeamData.at("2024-05-02T10:00"), "A");
        t.event(busy, EventType.VIEWED_QUOTE, TeamData.at("2024-05-02T09:00"), java.util.Map.of("title", "数控机床报价单"));
        t.event(busy, EventType.CALL, "2024-05-02T10:00");
        t.event(busy, EventType.PAGE_VIEW, "2024-05-01T09:00");
        t.event(busy, EventType.DOWNLOADED_MATERIAL, "2024-04-30T09:00");
        t.event(busy, EventType.CHAT, "2024-04-29T09:00");

        given().header("Authorization", fixtures.bearer(manager)).get("/dashboard/api/activity?rep=" + rep.id)
                .then().statusCode(200)
                .body("customers.name", contains("最新", "较早"))
                .body("customers[0].intentGrade", is("A"))
                .body("customers[0].ownerName", is("王芳"))
                // the call is the rep's doing, not customer behaviour; three latest key events only
                .body("customers[0].events.label", contains("查看报价", "浏览页面", "下载资料"))
                .body("customers[0].events[0].detail", is("数控机床报价单"))
                .body("customers[0].events[0].occurredAt", is("05-02 09:00"));
    }

    @Test
    void theChartLibraryAndPageAssetsAreServedLocally() {
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().get("/dashboard/dashboard.js").then().statusCode(200).body(containsString("echarts.init"));
        given().get("/dashboard/dashboard.css").then().statusCode(200);
    }
}
