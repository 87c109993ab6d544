package com.qingke.scoring;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.PaymentStatus;
import com.qingke.opportunity.Stage;
import com.qingke.recommendation.facts.FactSet;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.task.CrmTask;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rescore reads the facts of a whole chunk with one query per kind of fact; a customer analysed after an event
 * reads only its own. Both must give every customer exactly the same facts: nothing of one customer may leak into
 * another's, and no customer may lose what a neighbour in the chunk lacks.
 */
@QuarkusTest
class FactBuilderTest {
    @Inject Fixtures fixtures;
    @Inject AnalysisFixtures data;
    @Inject FactBuilder facts;

    @Test
    void factsReadForAChunkEqualTheFactsReadCustomerByCustomer() {
        Customer engaged = fixtures.customerOf(fixtures.rep("张伟"), "赵敏");
        data.events(engaged, EventType.FORM_SUBMITTED, 1, Duration.ofHours(1));
        data.events(engaged, EventType.VIEWED_QUOTE, 3, Duration.ofDays(1));
        data.events(engaged, EventType.CHAT, 2, Duration.ofHours(20));
        data.events(engaged, EventType.PAGE_VIEW, 1, Duration.ofDays(300)); // outside the look-back window
        follower(engaged, fixtures.rep("李娜").id, true, null); // a second rep follows too
        task(engaged, "回电确认需求", Instant.now().minus(Duration.ofDays(2)));
        task(engaged, "发送资料", Instant.now().plus(Duration.ofDays(3)));

        Customer deal = fixtures.customerOf(fixtures.rep("王芳"), "孙浩");
        data.events(deal, EventType.CALL, 1, Duration.ofHours(2));
        data.events(deal, EventType.MESSAGE_SENT, 2, Duration.ofDays(5));
        Opportunity negotiation = data.opportunity(deal, Stage.NEGOTIATION, o -> { });
        data.decisionMaker(negotiation, true);
        data.opportunity(deal, Stage.PROPOSAL, o -> o.paymentDueAt = null);
        data.opportunity(deal, Stage.WON, o -> {
            o.paymentStatus = PaymentStatus.PENDING;
            o.paymentDueAt = Instant.now().minus(Duration.ofDays(4));
        });
        data.opportunity(deal, Stage.LOST, o -> { }); // closed and settled: not a fact

        Customer deleted = fixtures.customerOf(fixtures.rep("李娜"), "钱坤");
        data.createdAgo(deleted, Duration.ofDays(40));
        data.events(deleted, EventType.ADDED_WECOM, 1, Duration.ofDays(30));
        data.events(deleted, EventType.DELETED_BY_CUSTOMER, 1, Duration.ofDays(3));
        followerLeft(deleted, Instant.now().minus(Duration.ofDays(3)));
        materialEvent(deleted, 42L);

        Customer silent = fixtures.customerOf(fixtures.rep("张伟"), "韩雪"); // nothing but its owner following

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Customer> customers = List.of(engaged, deal, deleted, silent);
        Map<Long, CustomerFacts> chunk = QuarkusTransaction.requiringNew().call(() -> facts.build(reload(customers), now));

        assertThat(chunk.keySet()).containsExactly(engaged.id, deal.id, deleted.id, silent.id);
        for (Customer c : customers) {
            CustomerFacts alone = QuarkusTransaction.requiringNew().call(() -> facts.build(reload(List.of(c)).get(0), now));
            assertThat(chunk.get(c.id)).as("facts of customer %s", c.name).usingRecursiveComparison().isEqualTo(alone);
        }
        // the comparison is only worth something if the facts differ between customers and are not empty
        FactSet e = chunk.get(engaged.id).facts();
        assertThat(e.activity().getEvents()).hasSize(6);
        assertThat(e.customer().isWecomConnected()).isTrue();
        assertThat(e.customer().getOpenTaskCount()).isEqualTo(2);
        assertThat(e.customer().getOverdueTaskCount()).isEqualTo(1);
        FactSet d = chunk.get(deal.id).facts();
        assertThat(d.opportunities()).hasSize(3);
        assertThat(d.customer().getOpenOpportunityCount()).isEqualTo(2);
        assertThat(d.opportunities()).filteredOn(o -> o.getStage().equals("NEGOTIATION")).singleElement()
                .satisfies(o -> assertThat(o.isDecisionMakerReached()).isTrue());
        assertThat(d.opportunities()).filteredOn(o -> o.getStage().equals("WON")).singleElement()
                .satisfies(o -> assertThat(o.isPaymentOverdue()).isTrue());
        assertThat(chunk.get(deal.id).winRates()).hasSize(3);
        FactSet x = chunk.get(deleted.id).facts();
        assertThat(x.customer().isDeletedRep()).isTrue();
        assertThat(x.customer().getDaysSinceDeletedRep()).isEqualTo(3);
        assertThat(x.activity().getEvents()).anySatisfy(ev -> assertThat(ev.getMaterialId()).isEqualTo(42L));
        FactSet s = chunk.get(silent.id).facts();
        assertThat(s.activity().getEvents()).isEmpty();
        assertThat(s.opportunities()).isEmpty();
        assertThat(s.tasks()).isEmpty();
        assertThat(s.customer().isDeletedRep()).isFalse();
        assertThat(x.customer().isWecomConnected()).isFalse();
    }

    private static List<Customer> reload(List<Customer> customers) {
        return customers.stream().map(c -> Customer.<Customer>findById(c.id)).toList();
    }

    private void follower(Customer c, long employeeId, boolean active, Instant deletedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerFollower f = new CustomerFollower();
            f.corpId = c.corpId;
            f.customerId = c.id;
            f.employeeId = employeeId;
            f.active = active;
            f.deletedByCustomerAt = deletedAt;
            f.persist();
        });
    }

    /** The customer deleted its owner (the follower row customerOf made). */
    private void followerLeft(Customer c, Instant at) {
        QuarkusTransaction.requiringNew().run(() ->
                CustomerFollower.update("active = false, deletedByCustomerAt = ?1 where customerId = ?2", at, c.id));
    }

    private void task(Customer c, String title, Instant due) {
        QuarkusTransaction.requiringNew().run(() -> {
            CrmTask t = new CrmTask();
            t.corpId = c.corpId;
            t.customerId = c.id;
            t.assigneeId = c.ownerId;
            t.title = title;
            t.dueAt = due;
            t.persist();
        });
    }

    private void materialEvent(Customer c, long materialId) {
        QuarkusTransaction.requiringNew().run(() -> {
            BehaviourEvent e = new BehaviourEvent();
            e.corpId = c.corpId;
            e.customerId = c.id;
            e.type = EventType.DOWNLOADED_MATERIAL;
            e.occurredAt = Instant.now().minus(Duration.ofDays(6));
            e.source = "TEST";
            e.idempotencyKey = "test:" + UUID.randomUUID();
            e.metadata = AnalysisFixtures.json("materialId", materialId);
            e.persist();
        });
    }
}
