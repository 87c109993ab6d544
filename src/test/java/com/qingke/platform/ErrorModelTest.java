package com.qingke.platform;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** Every error leaves the API as problem+json with the right status. */
@QuarkusTest
class ErrorModelTest {
    @Inject Fixtures fixtures;

    @Test
    void badJsonIs400ProblemJson() {
        Employee rep = fixtures.rep("张伟");
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json").body("{\"name\": ")
                .post("/api/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("title", is("请求格式错误"));
    }

    @Test
    void validationFailureIs400WithTheFields() {
        Employee rep = fixtures.rep("张伟");
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"name\": \"\", \"phone\": \"12345\"}")
                .post("/api/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", is("输入校验失败"))
                .body("violations.field", hasItems("name", "phone"))
                .body("violations.message", hasItem("请输入正确的11位手机号"));
    }

    @Test
    void unknownIdIs404() {
        Employee rep = fixtures.rep("张伟");
        given().header("Authorization", fixtures.bearer(rep)).get("/api/customers/987654321")
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
    }

    @Test
    void noSessionIs401() {
        given().get("/api/customers/1").then().statusCode(401).contentType("application/problem+json")
                .body("type", is("urn:qingke:problem:sign-in-required"));
    }

    @Test
    void forgedSessionIs401() {
        given().header("Authorization", "Bearer eyJmb28iOiJiYXIifQ.c2lnbmF0dXJl").get("/api/me").then().statusCode(401);
    }

    @Test
    void unknownPathIs404ProblemJson() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anotherRepsCustomerIs403AndLeaksNothing() {
        Employee owner = fixtures.rep("王芳");
        Employee other = fixtures.rep("李娜");
        Customer c = fixtures.customerOf(owner, "赵敏");
        given().header("Authorization", fixtures.bearer(other)).get("/api/customers/" + c.id)
                .then().statusCode(403).contentType("application/problem+json")
                .body(not(containsString("赵敏"))).body(not(containsString(c.phone)));
    }
}
