package com.qingke.task;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class TaskResourceTest {
    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;

    @Test
    void aRepCreatesAndCompletesATaskAndTheOutcomeBecomesFeedback() {
        Employee rep = fixtures.rep("李娜");
        Customer c = fixtures.customerOf(rep, "华强");
        int id = given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"title\": \"电话回访\", \"dueAt\": \"2030-01-01T02:00:00Z\"}")
                .post("/api/customers/" + c.id + "/tasks")
                .then().statusCode(201).body("status", is("OPEN")).body("assigneeId", is(rep.id.intValue())).body("source", is("MANUAL"))
                .extract().path("id");

        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"outcome\": \"客户同意下周演示\"}")
                .post("/api/tasks/" + id + "/complete")
                .then().statusCode(200).body("status", is("DONE")).body("outcome", is("客户同意下周演示"));

        BehaviourEvent done = QuarkusTransaction.requiringNew().call(() ->
                BehaviourEvent.<BehaviourEvent>find("customerId = ?1 and type = ?2", c.id, EventType.TASK_DONE).singleResult());
        assertThat(done.metadata).containsEntry("outcome", "客户同意下周演示");
        assertThat(done.employeeId).isEqualTo(rep.id);

        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json").body("{}")
                .post("/api/tasks/" + id + "/complete")
                .then().statusCode(409).body("detail", is("该任务已完成，不能重复完成"));
        given().header("Authorization", fixtures.bearer(rep)).get("/api/customers/" + c.id + "/tasks?status=DONE")
                .then().statusCode(200).body("id", contains(id));
    }

    @Test
    void anotherRepCannotCompleteOrCreateTasksOnTheCustomer() {
        Employee rep = fixtures.rep("李娜");
        Customer c = fixtures.customerOf(rep, "华强");
        Employee other = fixtures.rep("陈杰");
        int id = given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"title\": \"电话回访\"}").post("/api/customers/" + c.id + "/tasks").then().statusCode(201).extract().path("id");

        given().header("Authorization", fixtures.bearer(other)).contentType("application/json").body("{}")
                .post("/api/tasks/" + id + "/complete").then().statusCode(403);
        given().header("Authorization", fixtures.bearer(other)).contentType("application/json").body("{\"title\": \"x\"}")
                .post("/api/customers/" + c.id + "/tasks").then().statusCode(403);
        assertThat(data.reload(CrmTask.class, (long) id).status).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void aTaskGoesOnlyToAnActiveEmployeeOfTheSameCorp() {
        Employee rep = fixtures.rep("李娜");
        Customer c = fixtures.customerOf(rep, "华强");
        Employee colleague = fixtures.rep("陈杰");
        Employee elsewhere = QuarkusTransaction.requiringNew().call(() -> {
            Employee e = new Employee();
            e.corpId = "ww-another-corp";
            e.wecomUserId = Fixtures.unique("u");
            e.name = "外企员工";
            e.persist();
            return e;
        });
        Employee gone = fixtures.rep("已离职");
        QuarkusTransaction.requiringNew().run(() -> Employee.update("active = false where id = ?1", gone.id));
        long before = data.count(CrmTask.class, "customerId = ?1", c.id);

        for (Long assignee : new Long[] {elsewhere.id, gone.id, Long.MAX_VALUE}) {
            given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                    .body("{\"title\": \"电话回访\", \"assigneeId\": " + assignee + "}").post("/api/customers/" + c.id + "/tasks")
                    .then().statusCode(400).body("detail", containsString("不是本企业的在职员工"));
        }
        assertThat(data.count(CrmTask.class, "customerId = ?1", c.id)).isEqualTo(before);
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json")
                .body("{\"title\": \"请同事回访\", \"assigneeId\": " + colleague.id + "}").post("/api/customers/" + c.id + "/tasks")
                .then().statusCode(201).body("assigneeId", is(colleague.id.intValue()));
    }

    @Test
    void aTaskNeedsATitle() {
        Employee rep = fixtures.rep("李娜");
        Customer c = fixtures.customerOf(rep, "华强");
        given().header("Authorization", fixtures.bearer(rep)).contentType("application/json").body("{\"title\": \" \"}")
                .post("/api/customers/" + c.id + "/tasks").then().statusCode(400).body("violations.message", hasItem("请填写任务标题"));
    }
}
