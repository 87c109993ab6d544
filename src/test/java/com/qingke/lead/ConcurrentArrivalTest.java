package com.qingke.lead;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.identity.CustomerSeed;
import com.qingke.identity.IdentityKey;
import com.qingke.identity.IdentityLink;
import com.qingke.platform.QingkeConfig;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static com.qingke.lead.LeadCaptureTest.phone;
import static com.qingke.lead.LeadCaptureTest.uid;
import static org.junit.jupiter.api.Assertions.*;

/** The same person arriving through two channels at the same moment ends up as one customer. */
@QuarkusTest
class ConcurrentArrivalTest {
    private static final int PER_CHANNEL = 4;
    @Inject LeadCapture capture;
    @Inject QingkeConfig config;
    ExecutorService pool;

    @BeforeEach
    void start() {
        pool = Executors.newFixedThreadPool(2 * PER_CHANNEL);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }

    @Test
    void officialAccountAndWecomRacingForOneUnionidMakeOneCustomer() throws Exception {
        for (int round = 0; round < 3; round++) {
            String openid = uid("o"), unionid = uid("u"), external = uid("wm");
            List<Callable<LeadResult>> arrivals = new ArrayList<>();
            for (int i = 0; i < PER_CHANNEL; i++) {
                String n = round + "-" + i;
                arrivals.add(() -> capture.capture(LeadArrival.lead(config.corpId(), Channel.OA_QR, EventType.SUBSCRIBE)
                        .key(IdentityKey.openid(openid)).key(IdentityKey.unionid(unionid)).idempotencyKey("oa:" + unionid + n).build()));
                arrivals.add(() -> capture.capture(LeadArrival.lead(config.corpId(), Channel.WECOM_QR, EventType.ADDED_WECOM)
                        .key(IdentityKey.externalUserId(external)).key(IdentityKey.unionid(unionid))
                        .seed(CustomerSeed.named("并发客户")).idempotencyKey("wecom:" + unionid + n).build()));
            }
            Set<Long> customers = new HashSet<>();
            for (LeadResult r : runTogether(arrivals)) {
                customers.add(r.customerId());
            }
            assertEquals(1, customers.size(), "every arrival resolved to the same customer");
            long id = customers.iterator().next();
            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(3, IdentityLink.count("customerId", id));
                assertEquals(1, IdentityLink.count("value", unionid));
                assertEquals(CustomerStatus.ACTIVE, ((Customer) Customer.findById(id)).status);
                assertEquals(0, Customer.count("status = ?1 and survivorId = ?2", CustomerStatus.MERGED, id),
                        "no duplicate was even created and merged away");
            });
        }
    }

    @Test
    void twoFormsWithTheSamePhoneAtOnceMakeOneCustomer() throws Exception {
        String phone = phone();
        List<Callable<LeadResult>> arrivals = new ArrayList<>();
        for (int i = 0; i < 2 * PER_CHANNEL; i++) {
            arrivals.add(() -> capture.capture(LeadArrival.lead(config.corpId(), Channel.WEB_FORM, EventType.FORM_SUBMITTED)
                    .key(IdentityKey.phone(phone)).seed(CustomerSeed.named("重复提交").withPhone(phone)).build()));
        }
        Set<Long> customers = new HashSet<>();
        for (LeadResult r : runTogether(arrivals)) {
            customers.add(r.customerId());
        }
        assertEquals(1, customers.size());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Customer.count("phone = ?1 and status = ?2", phone, CustomerStatus.ACTIVE)));
    }

    private List<LeadResult> runTogether(List<Callable<LeadResult>> work) throws Exception {
        CountDownLatch ready = new CountDownLatch(work.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<LeadResult>> futures = new ArrayList<>();
        for (Callable<LeadResult> w : work) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return w.call();
            }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS));
        go.countDown();
        List<LeadResult> results = new ArrayList<>();
        for (Future<LeadResult> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
