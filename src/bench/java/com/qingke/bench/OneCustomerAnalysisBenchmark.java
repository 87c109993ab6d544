package com.qingke.bench;

import com.qingke.scoring.AnalysisRequests;
import com.qingke.scoring.AnalysisResult;
import com.qingke.scoring.AnalysisWorker;
import com.qingke.scoring.CustomerAnalysisService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One customer analysed after an event, the whole path the app runs, on the benchmark database (100k customers, 2M
 * events): lock the customer row, read its facts from the database, run the rules, predict its open deals' win rates,
 * store the results and reconcile its actions, commit. Runs inside the Quarkus application started by
 * {@link OneCustomerAnalysisBench} (which times the calls itself: JMH's runner cannot load its generated classes
 * inside a Quarkus test), taking the app's own beans from the CDI container. Each call
 * takes the next of 2,000 customers with recent activity, so the database is not answering one row from its cache.
 * {@code requestAndWork} is the event route: the request committed to the outbox, then claimed and worked off by the
 * analysis worker.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OneCustomerAnalysisBenchmark {
    private CustomerAnalysisService analysis;
    private AnalysisRequests requests;
    private AnalysisWorker worker;
    private List<Long> customers;
    private int next;

    @Setup
    public void setUp() {
        analysis = Arc.container().instance(CustomerAnalysisService.class).get();
        requests = Arc.container().instance(AnalysisRequests.class).get();
        worker = Arc.container().instance(AnalysisWorker.class).get();
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        customers = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select c.id from Customer c where c.corpId = 'ww-demo-corp' and c.status = com.qingke.customer.CustomerStatus.ACTIVE "
                                + "and c.lastActivityAt is not null order by c.lastActivityAt desc", Long.class)
                .setMaxResults(2000).getResultList());
        if (customers.size() < 100) {
            throw new IllegalStateException("the benchmark database has no benchmark data set (GenerateData --size benchmark)");
        }
    }

    private long nextCustomer() {
        long id = customers.get(next);
        next = (next + 1) % customers.size();
        return id;
    }

    @Benchmark
    public AnalysisResult analyse() {
        return analysis.analyse(nextCustomer());
    }

    /** As {@link #analyse()}, adding each phase's nanoseconds (CustomerAnalysisService.Phase) to {@code phases}. */
    public int analyseWithPhases(long[] phases) {
        return analysis.analyseAll(List.of(nextCustomer()), phases).size();
    }

    @Benchmark
    public int requestAndWork() {
        long id = nextCustomer();
        QuarkusTransaction.requiringNew().run(() -> requests.request("ww-demo-corp", id, "BENCH"));
        return worker.drain(1);
    }
}
