package com.qingke.identity;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.platform.Masking;
import com.qingke.platform.QingkeConfig;
import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class MergeResourceTest {
    @Inject Fixtures fixtures;
    @Inject IdentityService identity;
    @Inject QingkeConfig config;

    record Setup(Employee rep, Customer mine, Customer other, long arrival, long suggestionToMine) {
    }

    /** Two customers share a phone; a new arrival with that phone raises two suggestions. */
    Setup ambiguousArrival() {
        Employee rep = fixtures.rep("张伟");
        Employee colleague = fixtures.rep("王芳");
        String phone = IdentityServiceTest.phone();
        Customer mine = fixtures.customerOf(rep, "我的客户");
        Customer other = fixtures.customerOf(colleague, "同事的客户");
        QuarkusTransaction.requiringNew().run(() -> {
            ((Customer) Customer.findById(mine.id)).phone = phone;
            ((Customer) Customer.findById(other.id)).phone = phone;
        });
        ResolvedCustomer arrival = QuarkusTransaction.requiringNew().call(() -> identity.resolveOrCreate(config.corpId(),
                List.of(IdentityKey.phone(phone)), CustomerSeed.named("新来的"), Channel.WEB_FORM, null));
        long toMine = QuarkusTransaction.requiringNew().call(() ->
                MergeSuggestion.<MergeSuggestion>find("customerId = ?1 and candidateId = ?2", arrival.customerId(), mine.id).firstResult().id);
        return new Setup(rep, mine, other, arrival.customerId(), toMine);
    }

    @Test
    void aRepSeesSuggestionsTouchingTheirCustomersWithTheOtherSideMasked() {
        Setup s = ambiguousArrival();
        given().header("Authorization", fixtures.bearer(s.rep())).get("/api/merge-suggestions").then().statusCode(200)
                .body("find { it.id == " + s.suggestionToMine() + " }.customer.id", is((int) s.arrival()))
                .body("find { it.id == " + s.suggestionToMine() + " }.candidate.visible", is(true))
                .body("find { it.id == " + s.suggestionToMine() + " }.matchValue", is(Masking.phone(phoneOf(s.mine().id))))
                .body("candidate.id", not(hasItem((int) s.other().id.longValue())));
        given().header("Authorization", fixtures.bearer(fixtures.rep("陌生人"))).get("/api/merge-suggestions").then().statusCode(200)
                .body("id", not(hasItem((int) s.suggestionToMine())));
    }

    @Test
    void aRepAcceptsASuggestionAndAManagerUndoesTheMerge() {
        Setup s = ambiguousArrival();
        given().header("Authorization", fixtures.bearer(fixtures.rep("陌生人"))).post("/api/merge-suggestions/" + s.suggestionToMine() + "/accept")
                .then().statusCode(403);

        given().header("Authorization", fixtures.bearer(s.rep())).post("/api/merge-suggestions/" + s.suggestionToMine() + "/accept")
                .then().statusCode(200).body("status", is("ACCEPTED"));
        Customer merged = QuarkusTransaction.requiringNew().call(() -> Customer.findById(s.arrival()));
        assertEquals(CustomerStatus.MERGED, merged.status);
        assertEquals(s.mine().id, merged.survivorId, "the older customer survives");
        given().header("Authorization", fixtures.bearer(s.rep())).post("/api/merge-suggestions/" + s.suggestionToMine() + "/accept")
                .then().statusCode(409);

        Employee manager = fixtures.manager("刘洋");
        long mergeId = given().header("Authorization", fixtures.bearer(manager)).queryParam("customerId", s.mine().id).get("/api/merges")
                .then().statusCode(200).body("size()", is(1)).extract().jsonPath().getLong("[0].id");
        given().header("Authorization", fixtures.bearer(s.rep())).post("/api/merges/" + mergeId + "/undo").then().statusCode(403);
        given().header("Authorization", fixtures.bearer(manager)).post("/api/merges/" + mergeId + "/undo")
                .then().statusCode(200).body("undoneBy", is("employee:" + manager.id));
        assertEquals(CustomerStatus.ACTIVE, QuarkusTransaction.requiringNew().call(() -> ((Customer) Customer.findById(s.arrival())).status));
    }

    @Test
    void rejectingKeepsBothAndTheSuggestionGoesAway() {
        Setup s = ambiguousArrival();
        given().header("Authorization", fixtures.bearer(s.rep())).post("/api/merge-suggestions/" + s.suggestionToMine() + "/reject")
                .then().statusCode(200).body("status", is("REJECTED"));
        given().header("Authorization", fixtures.bearer(s.rep())).get("/api/merge-suggestions").then().statusCode(200)
                .body("id", not(hasItem((int) s.suggestionToMine())));
        assertEquals(CustomerStatus.ACTIVE, QuarkusTransaction.requiringNew().call(() -> ((Customer) Customer.findById(s.arrival())).status));
    }

    private String phoneOf(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Customer) Customer.findById(customerId)).phone);
    }
}
