package com.qingke.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies of one closed-loop load run, printed as the same RESULT line the wrk scripts under bench/ print, so the
 * shell scripts compare the HTTP and the raw JDBC side with one parser.
 */
final class LoadStats {
    private long[] nanos = new long[1 << 16];
    private int count;
    private long errors;

    synchronized void add(long[] more, int n, long moreErrors) {
        if (count + n > nanos.length) {
            nanos = Arrays.copyOf(nanos, Math.max(nanos.length * 2, count + n));
        }
        System.arraycopy(more, 0, nanos, count, n);
        count += n;
        errors += moreErrors;
    }

    /** The RESULT line: requests, wall seconds, throughput and latency percentiles in milliseconds. */
    synchronized String result(String label, double seconds) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT,
                "RESULT %s requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d",
                label, count, seconds, count / seconds, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1e6, errors);
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** One load thread's own buffer, merged once at the end so recording never contends. */
    static final class Recorder {
        private long[] nanos = new long[1 << 14];
        private int count;
        private long errors;

        void record(long elapsedNanos) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = elapsedNanos;
        }

        void error() {
            errors++;
        }

        void mergeInto(LoadStats stats) {
            stats.add(nanos, count, errors);
        }
    }
}
