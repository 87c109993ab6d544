package com.qingke.sidebar;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.qingke.bench.SidebarRawLoad;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.employee.Employee;
import com.qingke.material.Material;
import com.qingke.material.MaterialKind;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.support.Fixtures;
import com.qingke.support.SqlCapture;
import com.qingke.task.CrmTask;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sidebar benchmark compares the endpoint with "the SQL it issues, run directly" (bench/sidebar.sh,
 * {@link SidebarRawLoad}); this keeps the two the same: the statements Hibernate sends for one opening, in order,
 * must be the driver's.
 */
@QuarkusTest
class SidebarRawSqlTest {
    @Inject
    Fixtures fixtures;
    @Inject
    @PersistenceUnitExtension
    SqlCapture sql;

    @Test
    void theBenchmarksRawDriverIssuesExactlyTheEndpointsStatements() {
        Employee owner = fixtures.rep("王芳");
        Employee follower = fixtures.rep("陈杰");
        Customer c = fixtures.customerOf(owner, Fixtures.unique("周敏"));
        SidebarData.analysed(c, "B", 64, List.of("询问报价"), List.of());
        SidebarData.events(c, owner, 6);
        Opportunity o = SidebarData.opportunity(c, Stage.PROPOSAL, 0.45);
        SidebarData.contact(o, "钱总", DecisionRole.DECISION_MAKER, false);
        RecommendedAction action = SidebarData.action(c, o.id, "send-case", ActionKind.MESSAGE, 80, "发送客户案例", "您好");
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerFollower f = new CustomerFollower();
            f.corpId = c.corpId;
            f.customerId = c.id;
            f.employeeId = follower.id;
            f.persist();
            Material m = new Material();
            m.corpId = c.corpId;
            m.kind = MaterialKind.CASE_STUDY;
            m.title = "某机械厂改造案例";
            m.contentUrl = "/m/case-1";
            m.persist();
            RecommendedAction.<RecommendedAction>findById(action.id).materialId = m.id;
            CrmTask t = new CrmTask();
            t.corpId = c.corpId;
            t.customerId = c.id;
            t.title = "寄样品";
            t.assigneeId = owner.id;
            t.persist();
        });

        sql.start();
        given().header("Authorization", fixtures.bearer(follower)).get("/api/sidebar/customers/" + c.id).then().statusCode(200);
        List<String> sent = sql.stop().stream()
                .filter(s -> !s.contains("inbox_message") && !s.contains("outbox_event")) // the background workers' polls
                .toList();

        assertEquals(SidebarRawLoad.followerOpeningStatements(), sent);
    }
}
