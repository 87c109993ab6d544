package com.qingke.platform.security;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.identity.IdentityService;
import com.qingke.identity.MergeSuggestion;
import com.qingke.material.Material;
import com.qingke.material.MaterialKind;
import com.qingke.material.TrackedLinks;
import com.qingke.opportunity.DecisionContact;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.recommendation.ActionKind;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.scoring.winrate.WinRateTraining;
import com.qingke.support.AnalysisFixtures;
import com.qingke.support.Fixtures;
import com.qingke.task.CrmTask;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import com.qingke.wecom.WeComFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The data one cell of the authorization matrix acts on: a customer owned by one rep and followed by another, with
 * an opportunity, actions, a task, a merge suggestion, ... Each part is made on first use, so a cell pays only for
 * what its endpoint touches; a cell that is expected to change something gets a world of its own.
 */
final class MatrixWorld {

    /** The people of one corp; made once per corp and shared by every world of it. */
    record People(String corpId, Employee owner, Employee follower, Employee otherRep, Employee manager, Employee stranger) {
    }

    /** What the test needs to build worlds; all of it real beans, nothing mocked. */
    record Tools(Fixtures fixtures, AnalysisFixtures data, WeComFixtures wecom, FakeWeComState fakeCorp, IdentityService identity,
                 TrackedLinks links, WinRateTraining training) {
    }

    private final Tools tools;
    final People people;
    final String marker = UUID.randomUUID().toString().substring(0, 8);

    private final Lazy<Customer> customer;
    private final Lazy<String> externalUserId;
    private final Lazy<Opportunity> opportunity;
    private final Lazy<Long> decisionContactId;
    private final Lazy<Long> eventId;
    private final Lazy<RecommendedAction> proposedAction;
    private final Lazy<RecommendedAction> confirmedAction;
    private final Lazy<Long> taskId;
    private final Lazy<Material> material;
    private final Lazy<String> trackedLinkToken;
    private final Lazy<Long> mergeSuggestionId;
    private final Lazy<Long> mergeId;
    private final Lazy<Long> trainedModel;

    MatrixWorld(Tools tools, People people) {
        this.tools = tools;
        this.people = people;
        customer = new Lazy<>(this::makeCustomer);
        externalUserId = new Lazy<>(this::makeExternalContact);
        opportunity = new Lazy<>(() -> tools.data().opportunity(customer(), Stage.INITIAL, o -> o.name = "矩阵商机-" + marker));
        decisionContactId = new Lazy<>(() -> {
            tools.data().decisionMaker(opportunity(), false);
            return QuarkusTransaction.requiringNew().call(() -> DecisionContact.<DecisionContact>find("opportunityId", opportunity().id)
                    .firstResult().id);
        });
        eventId = new Lazy<>(() -> {
            tools.data().events(customer(), EventType.VIEWED_QUOTE, 2, Duration.ofHours(2));
            return QuarkusTransaction.requiringNew().call(() -> BehaviourEvent.<BehaviourEvent>find(
                    "customerId = ?1 order by occurredAt desc, id desc", customer().id).firstResult().id);
        });
        proposedAction = new Lazy<>(() -> tools.data().action(customer(), ActionKind.MESSAGE, a -> a.draftText = "您好，矩阵测试草稿"));
        confirmedAction = new Lazy<>(() -> {
            externalUserId();
            return tools.data().action(customer(), ActionKind.MESSAGE, a -> {
                a.draftText = "您好，矩阵测试草稿";
                a.finalText = "您好，矩阵测试消息";
                a.status = ActionStatus.CONFIRMED;
                a.decidedBy = people.owner().id;
                a.decidedAt = Instant.now();
            });
        });
        taskId = new Lazy<>(() -> QuarkusTransaction.requiringNew().call(() -> {
            CrmTask t = new CrmTask();
            t.corpId = people.corpId();
            t.customerId = customer().id;
            t.assigneeId = people.owner().id;
            t.title = "矩阵任务-" + marker;
            t.persist();
            return t.id;
        }));
        material = new Lazy<>(() -> tools.data().material(people.corpId(), MaterialKind.CASE_STUDY, "矩阵资料-" + marker));
        trackedLinkToken = new Lazy<>(() -> QuarkusTransaction.requiringNew().call(() ->
                tools.links().create(people.corpId(), material().id, customer().id, people.owner().id, null).token()));
        mergeSuggestionId = new Lazy<>(() -> {
            Customer candidate = customerOf(people.stranger(), "矩阵候选-" + marker);
            return QuarkusTransaction.requiringNew().call(() -> {
                MergeSuggestion s = new MergeSuggestion();
                s.corpId = people.corpId();
                s.customerId = customer().id;
                s.candidateId = candidate.id;
                s.matchKind = IdentityKind.PHONE;
                s.matchValue = customer().phone;
                s.persist();
                return s.id;
            });
        });
        mergeId = new Lazy<>(() -> {
            Customer twin = customerOf(people.owner(), "矩阵重复-" + marker);
            return QuarkusTransaction.requiringNew().call(() -> tools.identity().merge(customer().id, twin.id, "矩阵测试", "test"));
        });
        trainedModel = new Lazy<>(() -> tools.training().retrain(people.corpId()).id);
    }

    Customer customer() {
        return customer.get();
    }

    /** The strings a refused caller must never see. */
    List<String> secrets() {
        if (!customer.isMade()) {
            return List.of();
        }
        Customer c = customer();
        return List.of(c.name, c.phone, com.qingke.platform.Masking.phone(c.phone), c.company, "矩阵商机-" + marker);
    }

    String externalUserId() {
        return externalUserId.get();
    }

    Opportunity opportunity() {
        return opportunity.get();
    }

    long decisionContactId() {
        return decisionContactId.get();
    }

    long eventId() {
        return eventId.get();
    }

    RecommendedAction proposedAction() {
        return proposedAction.get();
    }

    RecommendedAction confirmedAction() {
        return confirmedAction.get();
    }

    long taskId() {
        return taskId.get();
    }

    Material material() {
        return material.get();
    }

    String trackedLinkToken() {
        return trackedLinkToken.get();
    }

    long mergeSuggestionId() {
        return mergeSuggestionId.get();
    }

    long mergeId() {
        return mergeId.get();
    }

    long trainedModel() {
        return trainedModel.get();
    }

    private Customer makeCustomer() {
        Customer c = customerOf(people.owner(), "矩阵客户-" + marker);
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer managed = Customer.findById(c.id);
            managed.company = "矩阵公司-" + marker;
            CustomerFollower f = new CustomerFollower();
            f.corpId = managed.corpId;
            f.customerId = managed.id;
            f.employeeId = people.follower().id;
            f.persist();
            return managed;
        });
    }

    private Customer customerOf(Employee owner, String name) {
        Customer c = tools.fixtures().customerOf(owner, name);
        if (!c.corpId.equals(people.corpId())) {
            QuarkusTransaction.requiringNew().run(() -> {
                Customer.update("corpId = ?1 where id = ?2", people.corpId(), c.id);
                CustomerFollower.update("corpId = ?1 where customerId = ?2", people.corpId(), c.id);
            });
            c.corpId = people.corpId();
        }
        return c;
    }

    /** The customer as a WeCom external contact of the owner and the follower, in the fake corp and in Qingke. */
    private String makeExternalContact() {
        FakeWeComState.Contact contact = tools.wecom().contactOf(people.owner().wecomUserId, customer().name);
        tools.fakeCorp().follow(contact, people.follower().wecomUserId, 1, null);
        QuarkusTransaction.requiringNew().run(() -> {
            IdentityLink link = new IdentityLink();
            link.corpId = people.corpId();
            link.customerId = customer().id;
            link.kind = IdentityKind.EXTERNAL_USERID;
            link.value = contact.externalUserId;
            link.persist();
        });
        return contact.externalUserId;
    }

    private static final class Lazy<T> {
        private final Supplier<T> make;
        private T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }

        boolean isMade() {
            return value != null;
        }
    }
}
