package com.qingke.lead;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.platform.QingkeConfig;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class LeadFormPageTest {
    private static final AtomicInteger VISITOR = new AtomicInteger(1);
    @Inject QingkeConfig config;
    @Inject LeadFormConfig formConfig;

    /** A visitor with an address of its own, so the per-IP limit of one test does not touch another. */
    static RequestSpecification visitor(String ip) {
        return given().header("X-Forwarded-For", ip).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static String newIp() {
        int n = VISITOR.incrementAndGet();
        return "10.1." + (n / 250) + "." + (n % 250 + 1);
    }

    long customersWithPhone(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.count("phone", phone));
    }

    @Test
    void theFormRendersInChineseWithTheChannelAndAConsentCheckbox() {
        given().get("/lead-form?channel=web-demo").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("留下联系方式"), containsString("name=\"channel\" value=\"web-demo\""),
                        containsString("id=\"consent\""), containsString("个人信息处理说明"), containsString("name=\"website\""));
    }

    @Test
    void aValidSubmissionWithConsentBecomesALeadOfTheCampaign() {
        String code = "form-" + UUID.randomUUID().toString().substring(0, 8);
        long campaignId = QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = new Campaign();
            c.corpId = config.corpId();
            c.code = code;
            c.name = "官网留资";
            c.channel = Channel.WEB_FORM;
            c.persist();
            return c.id;
        });
        String phone = LeadCaptureTest.phone();
        visitor(newIp()).formParam("name", "陈晨").formParam("phone", "+86 " + phone).formParam("company", "杭州云帆")
                .formParam("need", "想了解50人团队的报价").formParam("consent", "yes").formParam("channel", code)
                .formParam("submission", UUID.randomUUID().toString())
                .post("/lead-form").then().statusCode(200).body(containsString("提交成功"), containsString("陈晨"));

        QuarkusTransaction.requiringNew().run(() -> {
            Customer c = Customer.find("phone", phone).firstResult();
            assertNotNull(c);
            assertEquals("陈晨", c.name);
            assertEquals("杭州云帆", c.company);
            assertEquals(Channel.WEB_FORM, c.sourceChannel);
            assertEquals(campaignId, c.campaignId);
            assertNotNull(c.consentAt, "consent is recorded with its time");
            assertEquals(formConfig.consentText(), c.consentText);
            assertEquals(1, IdentityLink.count("customerId = ?1 and kind = ?2", c.id, IdentityKind.PHONE));
            BehaviourEvent e = BehaviourEvent.find("customerId", c.id).firstResult();
            assertEquals(EventType.FORM_SUBMITTED, e.type);
            assertEquals("想了解50人团队的报价", e.metadata.get("need"));
            assertEquals(code, e.metadata.get("campaignCode"));
        });
    }

    @Test
    void invalidInputIsShownAgainWithChineseMessagesAndNothingIsStored() {
        String ip = newIp();
        visitor(ip).formParam("name", "王五").formParam("phone", "12345").formParam("consent", "yes").formParam("company", "某公司")
                .post("/lead-form").then().statusCode(400)
                .body(containsString("请输入正确的11位手机号"), containsString("value=\"王五\""), containsString("value=\"某公司\""));
        String phone = LeadCaptureTest.phone();
        visitor(ip).formParam("name", "王五").formParam("phone", phone)
                .post("/lead-form").then().statusCode(400)
                .body(containsString("请阅读并勾选同意《个人信息处理说明》后再提交"), containsString("value=\"" + phone + "\""));
        visitor(ip).formParam("name", "").formParam("phone", phone).formParam("consent", "yes")
                .post("/lead-form").then().statusCode(400).body(containsString("请填写您的姓名"));
        assertEquals(0, customersWithPhone(phone));
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessButStoresNothing() {
        String phone = LeadCaptureTest.phone();
        visitor(newIp()).formParam("name", "机器人").formParam("phone", phone).formParam("consent", "yes")
                .formParam("website", "http://spam.example")
                .post("/lead-form").then().statusCode(200).body(containsString("提交成功"));
        assertEquals(0, customersWithPhone(phone));
    }

    @Test
    void tooManySubmissionsFromOneAddressAreRefused() {
        String ip = newIp();
        int allowed = formConfig.rateLimit().maxSubmissions();
        for (int i = 0; i < allowed; i++) {
            visitor(ip).formParam("name", "刷").formParam("phone", "1").post("/lead-form").then().statusCode(400);
        }
        visitor(ip).formParam("name", "刷").formParam("phone", "1").post("/lead-form")
                .then().statusCode(429).body(containsString("提交过于频繁，请稍后再试"));
        visitor(newIp()).formParam("name", "别人").formParam("phone", "1").post("/lead-form").then().statusCode(400);
    }

    @Test
    void aDoubleSubmitOfOnePageIsOneEvent() {
        String phone = LeadCaptureTest.phone();
        String submission = UUID.randomUUID().toString();
        String ip = newIp();
        for (int i = 0; i < 2; i++) {
            visitor(ip).formParam("name", "赵六").formParam("phone", phone).formParam("consent", "yes")
                    .formParam("submission", submission).post("/lead-form").then().statusCode(200);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Customer c = Customer.find("phone", phone).firstResult();
            assertEquals(1, BehaviourEvent.count("customerId", c.id));
        });
    }
}
