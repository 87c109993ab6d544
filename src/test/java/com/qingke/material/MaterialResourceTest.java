package com.qingke.material;

import com.qingke.employee.Employee;
import com.qingke.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class MaterialResourceTest {
    @Inject Fixtures fixtures;

    @Test
    void aManagerAddsAndRetiresMaterialsAndRepsOnlySeeActiveOnes() {
        Employee manager = fixtures.manager("刘洋");
        Employee rep = fixtures.rep("王芳");
        String title = Fixtures.unique("优惠方案");
        int id = given().header("Authorization", fixtures.bearer(manager)).contentType("application/json")
                .body("{\"kind\": \"DISCOUNT\", \"title\": \"" + title + "\", \"contentUrl\": \"https://example.com/d.pdf\"}")
                .post("/api/materials").then().statusCode(201).body("kindLabel", is("优惠方案")).extract().path("id");

        given().header("Authorization", fixtures.bearer(rep)).get("/api/materials?kind=DISCOUNT")
                .then().statusCode(200).body("title", hasItem(title));
        given().header("Authorization", fixtures.bearer(manager)).post("/api/materials/" + id + "/deactivate")
                .then().statusCode(200).body("active", is(false));
        given().header("Authorization", fixtures.bearer(rep)).get("/api/materials?kind=DISCOUNT")
                .then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void repsCannotChangeTheLibraryAndBadInputIs400() {
        Employee rep = fixtures.rep("王芳");
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"kind\": \"QUOTE\", \"title\": \"x\", \"contentUrl\": \"/x\"}")
                .post("/api/materials").then().statusCode(403);
        given().header("Authorization", fixtures.bearer(fixtures.manager("刘洋"))).contentType("application/json")
                .body("{\"kind\": \"QUOTE\", \"title\": \"\", \"contentUrl\": \"ftp://x\"}")
                .post("/api/materials").then().statusCode(400).body("violations.field", hasItems("title", "contentUrl"));
    }
}
