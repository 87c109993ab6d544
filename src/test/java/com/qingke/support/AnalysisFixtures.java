package com.qingke.support;

import com.qingke.customer.Customer;
import com.qingke.material.Material;
import com.qingke.material.MaterialKind;
import com.qingke.opportunity.DecisionContact;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Behaviour events, opportunities, materials and actions for analysis and lifecycle tests, each in its own transaction. */
@ApplicationScoped
public class AnalysisFixtures {

    public void events(Customer c, EventType type, int times, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < times; i++) {
                BehaviourEvent e = new BehaviourEvent();
                e.corpId = c.corpId;
                e.customerId = c.id;
                e.type = type;
                e.occurredAt = Instant.now().minus(ago).minus(Duration.ofMinutes(i));
                e.source = "TEST";
                e.idempotencyKey = "test:" + UUID.randomUUID();
                e.persist();
            }
        });
    }

    /** Moves the customer's creation back, so a customer without events counts as silent for that long. */
    public void createdAgo(Customer c, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> Customer.update("createdAt = ?1 where id = ?2", Instant.now().minus(ago), c.id));
    }

    public Opportunity opportunity(Customer c, Stage stage, Consumer<Opportunity> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Opportunity o = new Opportunity();
            o.corpId = c.corpId;
            o.customerId = c.id;
            o.ownerId = c.ownerId;
            o.name = "测试商机-" + UUID.randomUUID().toString().substring(0, 6);
            o.stage = stage;
            o.amount = new BigDecimal("88000.00");
            change.accept(o);
            o.persist();
            return o;
        });
    }

    public void decisionMaker(Opportunity o, boolean reached) {
        QuarkusTransaction.requiringNew().run(() -> {
            DecisionContact d = new DecisionContact();
            d.corpId = o.corpId;
            d.opportunityId = o.id;
            d.name = "王总";
            d.role = DecisionRole.DECISION_MAKER;
            d.reached = reached;
            d.reachedAt = reached ? Instant.now() : null;
            d.persist();
        });
    }

    public Material material(String corpId, MaterialKind kind, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Material m = new Material();
            m.corpId = corpId;
            m.kind = kind;
            m.title = title;
            m.contentUrl = "/materials/demo/quote-standard";
            m.persist();
            return m;
        });
    }

    /** An open PROPOSED action as a rule would have made it. */
    public RecommendedAction action(Customer c, ActionKind kind, Consumer<RecommendedAction> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RecommendedAction a = new RecommendedAction();
            a.corpId = c.corpId;
            a.customerId = c.id;
            a.ownerId = c.ownerId;
            a.ruleName = "测试规则-" + UUID.randomUUID().toString().substring(0, 8);
            a.kind = kind;
            a.priority = 70;
            a.title = "测试动作";
            a.reason = "测试原因";
            a.status = ActionStatus.PROPOSED;
            change.accept(a);
            a.openKey = RecommendedAction.openKey(c.id, a.ruleName);
            a.persist();
            return a;
        });
    }

    public long count(Class<?> entity, String query, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var session = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
            var q = session.createQuery("select count(*) from " + entity.getSimpleName() + " where " + query, Long.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getSingleResult();
        });
    }

    public <T> T reload(Class<T> entity, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager().find(entity, id));
    }

    public static Map<String, Object> json(Object... keyValues) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
