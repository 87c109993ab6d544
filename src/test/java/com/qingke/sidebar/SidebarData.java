package com.qingke.sidebar;

import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.opportunity.DecisionContact;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test data for the sidebar: a customer with a history, open actions and an opportunity with its decision chain. */
final class SidebarData {
    private SidebarData() {
    }

    static void analysed(Customer c, String grade, double score, List<String> reasons, List<String> risks) {
        QuarkusTransaction.requiringNew().run(() -> {
            Customer managed = Customer.findById(c.id);
            managed.intentGrade = grade;
            managed.intentScore = score;
            managed.intentReasons = new ArrayList<>(reasons);
            managed.riskTags = new ArrayList<>(risks);
            managed.analysedAt = Instant.now();
            managed.tags = new ArrayList<>(List.of("机床", "华东"));
        });
    }

    /** {@code n} events, one an hour back from now, alternating a few key types; returns their ids, newest first. */
    static List<Long> events(Customer c, Employee rep, int n) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < n; i++) {
                BehaviourEvent e = new BehaviourEvent();
                e.corpId = c.corpId;
                e.customerId = c.id;
                switch (i % 4) {
                    case 0 -> {
                        e.type = EventType.VIEWED_QUOTE;
                        e.metadata = Map.of("title", "数控车床报价单");
                    }
                    case 1 -> {
                        e.type = EventType.CHAT;
                        e.employeeId = rep.id;
                        e.metadata = Map.of("direction", "IN", "summary", "问了交期");
                    }
                    case 2 -> {
                        e.type = EventType.PAGE_VIEW;
                        e.metadata = Map.of("page", "/products/lathe");
                    }
                    default -> {
                        e.type = EventType.CALL;
                        e.employeeId = rep.id;
                        e.metadata = Map.of("summary", "确认了需求", "durationSec", 300);
                    }
                }
                e.occurredAt = now.minus(Duration.ofHours(i + 1));
                e.source = "TEST";
                e.persist();
                ids.add(e.id);
            }
            return ids;
        });
    }

    static RecommendedAction action(Customer c, Long opportunityId, String rule, ActionKind kind, int priority, String title,
                                    String draft) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RecommendedAction a = new RecommendedAction();
            a.corpId = c.corpId;
            a.customerId = c.id;
            a.opportunityId = opportunityId;
            a.ownerId = c.ownerId;
            a.ruleName = rule;
            a.kind = kind;
            a.priority = priority;
            a.title = title;
            a.reason = "测试依据";
            a.draftText = draft;
            if (kind == ActionKind.TASK) {
                a.taskTitle = title;
                a.taskDueDays = 2;
            }
            a.openKey = RecommendedAction.openKey(c.id, rule);
            a.persist();
            return a;
        });
    }

    static Opportunity opportunity(Customer c, Stage stage, double winRate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Opportunity o = new Opportunity();
            o.corpId = c.corpId;
            o.customerId = c.id;
            o.ownerId = c.ownerId;
            o.name = c.company + " 数控车床采购";
            o.stage = stage;
            o.amount = new BigDecimal("280000");
            o.winRate = winRate;
            o.winRateFactors = new ArrayList<>(List.of("阶段：" + stage.label()));
            o.stageChangedAt = Instant.now().minus(Duration.ofDays(3));
            o.createdAt = Instant.now().minus(Duration.ofDays(20));
            o.persist();
            return o;
        });
    }

    static DecisionContact contact(Opportunity o, String name, DecisionRole role, boolean reached) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DecisionContact d = new DecisionContact();
            d.corpId = o.corpId;
            d.opportunityId = o.id;
            d.name = name;
            d.role = role;
            d.title = role.label();
            d.reached = reached;
            d.reachedAt = reached ? Instant.now() : null;
            d.persist();
            return d;
        });
    }

    static void externalUser(Customer c, String externalUserId) {
        QuarkusTransaction.requiringNew().run(() -> {
            IdentityLink l = new IdentityLink();
            l.corpId = c.corpId;
            l.customerId = c.id;
            l.kind = IdentityKind.EXTERNAL_USERID;
            l.value = externalUserId;
            l.persist();
        });
    }
}
