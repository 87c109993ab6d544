package com.qingke.bench;

import com.qingke.scoring.Rescore;
import com.qingke.scoring.winrate.WinRateTraining;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A full rescore of the benchmark database's corp (100k customers), the work of {@code POST /api/admin/analysis/rescore}
 * and of the daily run: {@link Rescore#rescoreAll} with the app's chunk size and parallelism, inside the Quarkus
 * application (test profile on the benchmark database, see {@link BenchDatabase}). Trains the win-rate model first when
 * the corp has none, so every open deal is predicted by the model as in production. Prints the result (wall clock and
 * thread time per phase). Not a test: only runs with -Pbench -Dtest=FullRescoreBench. RESCORE_RUNS (default 1) rescores
 * that many times in a row; the first run of a fresh database proposes every action, later ones mostly keep them.
 */
@QuarkusTest
@TestProfile(BenchDatabase.class)
class FullRescoreBench {
    @Inject Rescore rescore;
    @Inject WinRateTraining training;

    @Test
    void run() {
        String corp = "ww-demo-corp";
        if (training.activeSnapshot(corp) == null) {
            long t = System.nanoTime();
            training.retrain(corp);
            System.out.printf("RESCORE-BENCH trained the win-rate model in %d ms%n", (System.nanoTime() - t) / 1_000_000);
        }
        int runs = Integer.parseInt(System.getenv().getOrDefault("RESCORE_RUNS", "1"));
        for (int i = 1; i <= runs; i++) {
            Rescore.Result r = rescore.rescoreAll(corp, "BENCH");
            System.out.printf("RESCORE-BENCH run %d: %d customers, %d analysed, %d chunks (%d failed), %d ms, thread ms per phase %s%n",
                    i, r.customers(), r.analysed(), r.chunks(), r.failedChunks(), r.took().toMillis(), r.phaseMillis());
        }
    }
}
