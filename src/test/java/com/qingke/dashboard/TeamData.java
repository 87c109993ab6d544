package com.qingke.dashboard;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.opportunity.StageChange;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.support.Fixtures;
import com.qingke.task.CrmTask;
import com.qingke.task.TaskStatus;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/** Writes hand-made rows for dashboard tests; times are Beijing wall-clock ("2024-03-05T10:00"). */
final class TeamData {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final String corpId;

    TeamData(String corpId) {
        this.corpId = corpId;
    }

    static Instant at(String beijingTime) {
        return LocalDateTime.parse(beijingTime).atZone(SHANGHAI).toInstant();
    }

    Campaign campaign(String name, Channel channel) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = new Campaign();
            c.corpId = corpId;
            c.code = Fixtures.unique("c").substring(0, 10);
            c.name = name;
            c.channel = channel;
            c.persist();
            return c;
        });
    }

    Customer customer(Employee owner, String name, String created, Channel channel, Campaign campaign, CustomerStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer c = new Customer();
            c.corpId = corpId;
            c.name = name;
            c.ownerId = owner.id;
            c.sourceChannel = channel;
            c.campaignId = campaign == null ? null : campaign.id;
            c.status = status;
            c.createdAt = at(created);
            c.updatedAt = c.createdAt;
            c.persist();
            return c;
        });
    }

    Customer lead(Employee owner, String name, String created, Channel channel, Campaign campaign) {
        return customer(owner, name, created, channel, campaign, CustomerStatus.ACTIVE);
    }

    void activity(Customer c, Instant lastActivity, String intentGrade) {
        QuarkusTransaction.requiringNew().run(() -> {
            Customer managed = Customer.findById(c.id);
            managed.lastActivityAt = lastActivity;
            managed.intentGrade = intentGrade;
        });
    }

    void event(Customer c, EventType type, String when) {
        event(c, type, at(when), Map.of());
    }

    void event(Customer c, EventType type, Instant when, Map<String, Object> metadata) {
        QuarkusTransaction.requiringNew().run(() -> {
            BehaviourEvent e = new BehaviourEvent();
            e.corpId = corpId;
            e.customerId = c.id;
            e.type = type;
            e.occurredAt = when;
            e.metadata = new java.util.HashMap<>(metadata);
            e.record();
        });
    }

    /** An opportunity with the given stage history (oldest first); the last stage is the current one. */
    Opportunity opportunity(Customer c, Employee owner, String created, String amount, Double winRate, Stage... history) {
        return opportunityWithHistory(c, owner, created, amount, winRate, true, history);
    }

    Opportunity opportunityWithHistory(Customer c, Employee owner, String created, String amount, Double winRate,
                                       boolean writeHistory, Stage... history) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Opportunity o = new Opportunity();
            o.corpId = corpId;
            o.customerId = c.id;
            o.ownerId = owner.id;
            o.name = c.name + "的商机";
            o.stage = history[history.length - 1];
            o.amount = new BigDecimal(amount);
            o.winRate = winRate;
            o.createdAt = at(created);
            o.stageChangedAt = o.createdAt;
            o.updatedAt = o.createdAt;
            o.closedAt = o.stage.isClosed() ? o.createdAt.plusSeconds(86400) : null;
            o.persist();
            if (writeHistory) {
                Stage from = null;
                for (int i = 0; i < history.length; i++) {
                    StageChange h = new StageChange();
                    h.corpId = corpId;
                    h.opportunityId = o.id;
                    h.fromStage = from;
                    h.toStage = history[i];
                    h.changedAt = o.createdAt.plusSeconds(3600L * i);
                    h.persist();
                    from = history[i];
                }
            }
            return o;
        });
    }

    CrmTask task(Customer c, Employee assignee, String due, TaskStatus status, String completed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CrmTask t = new CrmTask();
            t.corpId = corpId;
            t.customerId = c.id;
            t.assigneeId = assignee.id;
            t.title = "回访 " + c.name;
            t.status = status;
            t.dueAt = at(due);
            t.completedAt = completed == null ? null : at(completed);
            t.createdAt = t.dueAt.minusSeconds(3 * 86400);
            t.persist();
            return t;
        });
    }

    RecommendedAction action(Customer c, Employee owner, int priority, ActionStatus status, String created, String decided,
                             String dismissReason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RecommendedAction a = new RecommendedAction();
            a.corpId = corpId;
            a.customerId = c.id;
            a.ownerId = owner.id;
            a.ruleName = Fixtures.unique("rule");
            a.kind = ActionKind.MESSAGE;
            a.priority = priority;
            a.title = "跟进 " + c.name + "（" + priority + "）";
            a.status = status;
            a.createdAt = at(created);
            a.decidedAt = decided == null ? null : at(decided);
            a.decidedBy = decided == null ? null : owner.id;
            a.dismissReason = dismissReason;
            a.persist();
            return a;
        });
    }
}
