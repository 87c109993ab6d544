package com.qingke.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test profile pointed at a benchmark database made by GenerateData (docs/BENCHMARKS.md), which it must not wipe:
 * no Liquibase clean at start, migrations only. QINGKE_BENCH_DB names it (default qingke_bench).
 */
public class BenchDatabase implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        String db = System.getenv().getOrDefault("QINGKE_BENCH_DB", "qingke_bench");
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:mysql://127.0.0.1:3306/" + db
                        + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true",
                "quarkus.liquibase.clean-at-start", "false",
                "qingke.corp-id", "ww-demo-corp");
    }
}
