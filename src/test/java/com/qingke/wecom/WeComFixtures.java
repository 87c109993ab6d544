package com.qingke.wecom;

import com.qingke.employee.Employee;
import com.qingke.fakewechat.FakeWeComSeed;
import com.qingke.fakewechat.FakeWeComState;
import com.qingke.support.Fixtures;
import jakarta.enterprise.context.ApplicationScoped;
import com.qingke.inbox.InboxMessage;
import com.qingke.inbox.InboxSource;
import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.InboxWorker;
import com.qingke.inbox.OutboxEvent;
import com.qingke.inbox.OutboxWorker;
import com.qingke.lead.LeadNotifier;
import java.util.List;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.UUID;
import java.util.function.Supplier;

/** People and contacts that exist both in Qingke and in the fake WeCom corp, with unique ids per test. */
@ApplicationScoped
public class WeComFixtures {
    private final Fixtures fixtures;
    private final FakeWeComState corp;

    private final InboxWorker worker;
    private final OutboxWorker outbox;

    WeComFixtures(Fixtures fixtures, FakeWeComState corp, InboxWorker worker, OutboxWorker outbox) {
        this.fixtures = fixtures;
        this.corp = corp;
        this.worker = worker;
        this.outbox = outbox;
    }

    /**
     * Sends what the outbox holds for WeCom (new-lead messages, tag write-back) until none of the customer's rows is
     * pending. The scheduled worker runs alongside; both claim rows with SKIP LOCKED.
     */
    public void drainOutbox(long customerId) {
        until(outbox::drain, () -> OutboxEvent.count("aggregateId = ?1 and topic in ?2 and status = ?3", customerId,
                List.of(LeadNotifier.TOPIC, TagWriteBack.TOPIC), InboxStatus.PENDING), "outbox rows of customer " + customerId);
    }

    /**
     * Runs the inbox until no WeCom message is pending. The scheduled worker runs alongside, so a message can fail
     * once on a race it lost (the unique identity index) and come due again after the short test retry delay.
     */
    public void processInbox() {
        processInbox(InboxSource.WECOM);
    }

    /** Runs the inbox until no message from the source is pending. */
    public void processInbox(InboxSource source) {
        until(worker::drain, () -> InboxMessage.count("source = ?1 and status = ?2", source, InboxStatus.PENDING),
                source + " inbox messages");
    }

    /** Runs the inbox until no message from any source is pending. */
    public void processWholeInbox() {
        until(worker::drain, () -> InboxMessage.count("status", InboxStatus.PENDING), "inbox messages");
    }

    /** Runs the step until nothing is pending, for at most about five seconds of waiting. */
    private static void until(Runnable step, Supplier<Long> pending, String what) {
        for (int i = 0; i < 200; i++) {
            step.run();
            if (QuarkusTransaction.requiringNew().call(pending::get) == 0) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(what + " still pending");
    }

    /** A rep in Qingke and in the fake directory. */
    public Employee rep(String name) {
        Employee e = fixtures.rep(name);
        corp.putEmployee(new FakeWeComState.Employee(e.wecomUserId, name, FakeWeComSeed.SALES_DEPARTMENT, false, null));
        return e;
    }

    /** A manager in Qingke and a department leader in the fake directory. */
    public Employee manager(String name) {
        Employee e = fixtures.manager(name);
        corp.putEmployee(new FakeWeComState.Employee(e.wecomUserId, name, FakeWeComSeed.SALES_DEPARTMENT, true, null));
        return e;
    }

    /** A member known only to WeCom so far (never signed in to Qingke). */
    public String directoryMember(String name, boolean leader) {
        String userId = Fixtures.unique("m");
        corp.putEmployee(new FakeWeComState.Employee(userId, name, FakeWeComSeed.SALES_DEPARTMENT, leader, null));
        return userId;
    }

    /** An external contact in the fake corp followed by the given rep. */
    public FakeWeComState.Contact contactOf(String userId, String name) {
        FakeWeComState.Contact c = new FakeWeComState.Contact("wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), name);
        c.corpName = "测试客户公司";
        c.unionId = "oU" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        c.avatar = "https://wework.qpic.cn/wwhead/" + c.externalUserId + "/0";
        corp.putContact(c);
        corp.follow(c, userId, 1, null);
        return c;
    }
}
