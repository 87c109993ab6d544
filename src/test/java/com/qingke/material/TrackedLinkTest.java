package com.qingke.material;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.inbox.OutboxEvent;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class TrackedLinkTest {
    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;
    @Inject TrackedLinks links;

    private Employee rep;
    private Customer customer;

    private TrackedLinkView linkTo(MaterialKind kind) {
        rep = fixtures.rep("张伟");
        customer = fixtures.customerOf(rep, "许晴");
        Material m = data.material(customer.corpId, kind, kind.label() + "-" + customer.id);
        return given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"materialId\": " + m.id + "}")
                .post("/api/customers/" + customer.id + "/tracked-links")
                .then().statusCode(201).body("url", containsString("/t/")).body("kind", is(kind.name()))
                .extract().as(TrackedLinkView.class);
    }

    private long events(EventType type) {
        return data.count(BehaviourEvent.class, "customerId = ?1 and type = ?2", customer.id, type);
    }

    @Test
    void openingAQuoteLinkRecordsAViewWithTheMaterialAndRedirectsToTheContent() {
        TrackedLinkView link = linkTo(MaterialKind.QUOTE);

        given().redirects().follow(false).get("/t/" + link.token())
                .then().statusCode(302).header("Location", endsWith("/materials/demo/quote-standard"));

        BehaviourEvent e = QuarkusTransaction.requiringNew().call(() ->
                BehaviourEvent.<BehaviourEvent>find("customerId = ?1", customer.id).singleResult());
        assertThat(e.type).isEqualTo(EventType.VIEWED_QUOTE);
        assertThat(e.source).isEqualTo("TRACKED_LINK");
        assertThat(((Number) e.metadata.get("materialId")).longValue()).isEqualTo(link.materialId());
        assertThat(data.count(OutboxEvent.class, "topic = ?1 and aggregateId = ?2", AnalysisRequests.TOPIC, customer.id)).isEqualTo(1);
        TrackedLink stored = data.reload(TrackedLink.class, link.id());
        assertThat(stored.openCount).isEqualTo(1);
        assertThat(stored.lastOpenedAt).isNotNull();
        assertThat(data.reload(Customer.class, customer.id).lastActivityAt).isNotNull();
    }

    @Test
    void openingItAgainWithinTheWindowCountsOnceAndAfterTheWindowCountsAgain() {
        TrackedLinkView link = linkTo(MaterialKind.QUOTE);
        Instant first = Instant.now();

        assertThat(links.open(link.token(), first).orElseThrow().recorded()).isTrue();
        assertThat(links.open(link.token(), first.plus(Duration.ofMinutes(3))).orElseThrow().recorded()).isFalse();
        given().redirects().follow(false).get("/t/" + link.token()).then().statusCode(302);
        assertThat(events(EventType.VIEWED_QUOTE)).isEqualTo(1);

        assertThat(links.open(link.token(), first.plus(Duration.ofMinutes(11))).orElseThrow().recorded()).isTrue();
        assertThat(events(EventType.VIEWED_QUOTE)).isEqualTo(2);
        assertThat(data.reload(TrackedLink.class, link.id()).openCount).isEqualTo(2);
    }

    @Test
    void otherMaterialsAreDownloads() {
        TrackedLinkView link = linkTo(MaterialKind.CASE_STUDY);

        given().redirects().follow(false).get("/t/" + link.token()).then().statusCode(302);

        assertThat(events(EventType.DOWNLOADED_MATERIAL)).isEqualTo(1);
        assertThat(events(EventType.VIEWED_QUOTE)).isZero();
    }

    @Test
    void anUnknownTokenIs404AndRecordsNothing() {
        long before = data.count(BehaviourEvent.class, "source = 'TRACKED_LINK'");

        given().redirects().follow(false).get("/t/no-such-token").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("链接不存在"));

        assertThat(data.count(BehaviourEvent.class, "source = 'TRACKED_LINK'")).isEqualTo(before);
    }

    @Test
    void anErasedCustomersLinkStillRedirectsButRecordsNothing() {
        TrackedLinkView link = linkTo(MaterialKind.BROCHURE);
        QuarkusTransaction.requiringNew().run(() -> Customer.update("status = ?1 where id = ?2", CustomerStatus.DELETED, customer.id));

        given().redirects().follow(false).get("/t/" + link.token()).then().statusCode(302);

        assertThat(events(EventType.DOWNLOADED_MATERIAL)).isZero();
    }

    @Test
    void aRepCannotCreateALinkForAnotherRepsCustomer() {
        linkTo(MaterialKind.QUOTE);
        Employee other = fixtures.rep("陈杰");
        given().header("Authorization", fixtures.bearer(other)).contentType("application/json").body("{\"materialId\": 1}")
                .post("/api/customers/" + customer.id + "/tracked-links").then().statusCode(403);
    }

    @Test
    void materialsHostedHereAreServedAsPages() {
        String slug = Fixtures.unique("case");
        QuarkusTransaction.requiringNew().run(() -> {
            Material m = new Material();
            m.corpId = "ww-demo-corp";
            m.kind = MaterialKind.CASE_STUDY;
            m.title = "常州某汽车零部件厂空压站节能改造";
            m.description = "年省电费46万元";
            m.contentUrl = "/materials/demo/" + slug;
            m.persist();
        });

        given().get("/materials/demo/" + slug).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("常州某汽车零部件厂空压站节能改造")).body(containsString("客户案例")).body(containsString("年省电费46万元"));
        given().get("/materials/demo/nothing-" + slug).then().statusCode(404);
    }
}
