package com.qingke.scoring;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Analyses every active customer of a corp now (the daily run, a rule change, a retrained model): chunks of customers
 * in id order, each analysed in one transaction by {@link CustomerAnalysisService#analyseAll}, a few chunks at a time.
 * Going through the outbox one customer per transaction costs a dozen round trips per customer; a chunk reads its
 * facts with a handful of queries and writes its results with JDBC batches. A chunk that fails is rolled back and its
 * customers are queued for the analysis worker, which retries them one by one with backoff.
 */
@ApplicationScoped
public class Rescore {
    private static final Logger LOG = Logger.getLogger(Rescore.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** A chunk is a few seconds of work on a busy machine; the default 60 s would only matter for a stuck database. */
    private static final int CHUNK_TIMEOUT_SECONDS = 600;

    private final CustomerAnalysisService analysis;
    private final AnalysisRequests requests;
    private final ScoringConfig config;

    Rescore(CustomerAnalysisService analysis, AnalysisRequests requests, ScoringConfig config) {
        this.analysis = analysis;
        this.requests = requests;
        this.config = config;
    }

    /**
     * @param customers active customers found
     * @param analysed  customers analysed (the others were queued for the worker after their chunk failed)
     * @param chunks    transactions
     * @param failedChunks chunks that failed and were handed to the worker
     * @param took      wall-clock time of the whole run
     * @param phaseMillis time spent per phase of {@link CustomerAnalysisService#analyseAll}, summed over the threads
     */
    public record Result(int customers, int analysed, int chunks, int failedChunks, Duration took, Map<String, Long> phaseMillis) {
    }

    public Result rescoreAll(String corpId, String reason) {
        long started = System.nanoTime();
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Customer.getEntityManager()
                .createQuery("select c.id from Customer c where c.corpId = :corp and c.status = :active order by c.id", Long.class)
                .setParameter("corp", corpId).setParameter("active", CustomerStatus.ACTIVE)
                .getResultList());
        int size = Math.max(1, config.rescore().chunkSize());
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        int threads = Math.max(1, Math.min(config.rescore().parallelism(), chunks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rescore-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int analysed = 0;
        int failed = 0;
        long[] phases = new long[CustomerAnalysisService.Phase.values().length];
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (List<Long> chunk : chunks) {
                done.add(pool.submit(() -> analyseChunk(corpId, chunk, reason, phases)));
            }
            for (Future<Integer> f : done) {
                int n = f.get();
                if (n < 0) {
                    failed++;
                } else {
                    analysed += n;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rescore interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Rescore failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Long> phaseMillis = new LinkedHashMap<>();
        for (CustomerAnalysisService.Phase phase : CustomerAnalysisService.Phase.values()) {
            phaseMillis.put(phase.name().toLowerCase(java.util.Locale.ROOT), phases[phase.ordinal()] / 1_000_000);
        }
        Result result = new Result(ids.size(), analysed, chunks.size(), failed, took, phaseMillis);
        LOG.infof("Rescore of corp %s (%s): %d customers in %d chunks, %d chunks handed to the worker, %d ms; thread time per phase (ms) %s",
                corpId, reason, ids.size(), chunks.size(), failed, took.toMillis(), phaseMillis);
        return result;
    }

    /** Customers analysed, or -1 when the chunk failed and went to the worker. */
    private int analyseChunk(String corpId, List<Long> chunk, String reason, long[] phases) {
        try {
            long[] chunkPhases = new long[CustomerAnalysisService.Phase.values().length];
            int n = QuarkusTransaction.requiringNew().timeout(CHUNK_TIMEOUT_SECONDS)
                    .call(() -> analysis.analyseAll(chunk, chunkPhases).size());
            synchronized (phases) {
                for (int i = 0; i < chunkPhases.length; i++) {
                    phases[i] += chunkPhases[i];
                }
            }
            return n;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Rescore chunk of %d customers from id %d failed; queued for the analysis worker", chunk.size(), chunk.get(0));
            QuarkusTransaction.requiringNew().run(() -> chunk.forEach(id -> requests.request(corpId, id, reason)));
            return -1;
        }
    }
}
