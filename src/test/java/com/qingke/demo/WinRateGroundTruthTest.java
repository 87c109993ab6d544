package com.qingke.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Stage;
import com.qingke.timeline.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The win-rate ground truth is observable and recoverable: the features of the documented formula can be recomputed
 * from the records exactly as a model would read them from the database, and a plain logistic regression on closed
 * deals finds the documented coefficients again.
 */
class WinRateGroundTruthTest {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    /** The features as a model computes them from stored rows (see WinRateGroundTruth's javadoc). */
    record Observed(boolean decisionMakerReached, int quoteViews, long silenceSeconds, Stage lastOpenStage) {

        static Observed of(DemoCustomer c, DemoOpportunity o, Instant now) {
            Instant t = o.isClosed() ? o.closedAt() : now;
            boolean dm = o.contacts().stream().anyMatch(d -> d.role() == DecisionRole.DECISION_MAKER && d.reached()
                    && !d.reachedAt().isAfter(t));
            int views = (int) c.events().stream().filter(e -> e.type() == EventType.VIEWED_QUOTE
                    && !e.occurredAt().isBefore(o.createdAt()) && !e.occurredAt().isAfter(t)).count();
            Instant last = c.events().stream().map(DemoEvent::occurredAt).filter(x -> !x.isAfter(t))
                    .max(Comparator.naturalOrder()).orElseThrow();
            Stage stage = o.isClosed() ? o.history().get(o.history().size() - 1).fromStage() : o.stage();
            return new Observed(dm, views, Duration.between(last, t).getSeconds(), stage);
        }

        static Observed truth(DemoOpportunity o) {
            WinRateFeatures f = o.truth();
            return new Observed(f.decisionMakerReached(), f.quoteViews(), f.silenceSeconds(), f.lastOpenStage());
        }
    }

    @Test
    void featuresCanBeRecomputedFromTheStoredRecords() {
        for (DemoDataset d : List.of(DemoDataset.generate(DemoSize.DEMO, 3, NOW),
                DemoDataset.generate(DemoSize.withCustomers(3000), 11, NOW))) {
            int checked = 0;
            for (DemoCustomer c : d.customers()) {
                for (DemoOpportunity o : c.opportunities()) {
                    assertEquals(Observed.truth(o), Observed.of(c, o, d.now()), "opportunity " + o.key());
                    ObservedDeal deal = ObservedDeal.of(c, o, d.now());
                    assertEquals(Observed.truth(o), new Observed(deal.decisionMakerReached(), deal.quoteViews(),
                            Math.round(deal.silenceDays() * 86_400), deal.lastOpenStage()), "public reader of " + o.key());
                    assertEquals(o.isWon(), deal.won());
                    Instant t = o.isClosed() ? o.closedAt() : d.now();
                    long contacts = c.events().stream()
                            .filter(e -> Set.of(EventType.CALL, EventType.CHAT, EventType.MESSAGE_SENT).contains(e.type())
                                    && !e.occurredAt().isBefore(o.createdAt()) && !e.occurredAt().isAfter(t))
                            .count();
                    assertEquals(contacts, o.contactCount());
                    if (!o.isClosed()) {
                        assertEquals(Duration.between(c.lastActivityAt(), d.now()).getSeconds(), o.truth().silenceSeconds(),
                                "for an open deal the silence is now - last_activity_at");
                    }
                    checked++;
                }
            }
            assertTrue(checked > 200);
        }
    }

    @Test
    void theDrawnProbabilityIsTheDocumentedFormulaPlusNoise() {
        DemoDataset d = DemoDataset.generate(DemoSize.DEMO, 3, NOW);
        d.opportunities().forEach(o -> {
            WinRateFeatures f = o.truth();
            double expected = 1 / (1 + Math.exp(-(WinRateGroundTruth.INTERCEPT
                    + (f.decisionMakerReached() ? WinRateGroundTruth.DECISION_MAKER : 0)
                    + WinRateGroundTruth.LOG_QUOTE_VIEWS * Math.log1p(f.quoteViews())
                    + WinRateGroundTruth.SILENCE_PER_30_DAYS * f.silenceSeconds() / 86_400.0 / 30
                    + WinRateGroundTruth.stageEffect(f.lastOpenStage()) + f.noise())));
            assertEquals(expected, f.winProbability(), 1e-12);
        });
    }

    @Test
    void logisticRegressionRecoversTheDocumentedCoefficients() {
        DemoDataset d = DemoDataset.generate(DemoSize.withCustomers(16_000), 5, NOW);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (DemoCustomer c : d.customers()) {
            for (DemoOpportunity o : c.opportunities()) {
                if (!o.isClosed()) {
                    continue;
                }
                Observed f = Observed.of(c, o, d.now());
                rows.add(new double[] {1, f.decisionMakerReached() ? 1 : 0, Math.log1p(f.quoteViews()),
                        f.silenceSeconds() / 86_400.0 / 30, f.lastOpenStage() == Stage.INITIAL ? 1 : 0,
                        f.lastOpenStage() == Stage.QUALIFIED ? 1 : 0, f.lastOpenStage() == Stage.NEGOTIATION ? 1 : 0});
                labels.add(o.isWon() ? 1 : 0);
            }
        }
        assertTrue(rows.size() > 6000, "closed deals: " + rows.size());
        double[] beta = fitLogistic(rows, labels);
        // The unobserved noise shrinks what any model can recover by about 1/sqrt(1 + pi*sigma^2/8).
        double shrink = 1 / Math.sqrt(1 + Math.PI * Math.pow(WinRateGroundTruth.NOISE_SD, 2) / 8);
        double[] truth = {WinRateGroundTruth.INTERCEPT + WinRateGroundTruth.STAGE_PROPOSAL,
                WinRateGroundTruth.DECISION_MAKER, WinRateGroundTruth.LOG_QUOTE_VIEWS,
                WinRateGroundTruth.SILENCE_PER_30_DAYS, WinRateGroundTruth.STAGE_INITIAL - WinRateGroundTruth.STAGE_PROPOSAL,
                WinRateGroundTruth.STAGE_QUALIFIED - WinRateGroundTruth.STAGE_PROPOSAL,
                WinRateGroundTruth.STAGE_NEGOTIATION - WinRateGroundTruth.STAGE_PROPOSAL};
        String[] names = {"intercept", "decisionMaker", "log1p(quoteViews)", "silence/30d", "INITIAL", "QUALIFIED",
            "NEGOTIATION"};
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i] * shrink, beta[i], 0.2, names[i] + " recovered " + beta[i] + " for " + truth[i]);
        }
    }

    @Test
    void theTruthSeparatesWinsFromLosses() {
        DemoDataset d = DemoDataset.generate(DemoSize.DEMO, DemoDataset.DEFAULT_SEED, NOW);
        List<DemoOpportunity> closed = d.closedOpportunities();
        double auc = auc(closed.stream().mapToDouble(o -> o.truth().expectedProbability()).toArray(),
                closed.stream().mapToInt(o -> o.isWon() ? 1 : 0).toArray());
        assertTrue(auc > 0.75, "the features carry real signal, oracle AUC " + auc);
        double winRate = closed.stream().filter(DemoOpportunity::isWon).count() / (double) closed.size();
        assertTrue(winRate > 0.25 && winRate < 0.6, "a believable win rate: " + winRate);
    }

    @Test
    void buyingIntentDrivesActivityAndConversion() {
        DemoDataset d = DemoDataset.generate(DemoSize.withCustomers(4000), 9, NOW);
        double withDeal = d.customers().stream().filter(c -> !c.opportunities().isEmpty())
                .mapToDouble(DemoCustomer::latentIntent).average().orElseThrow();
        double withoutDeal = d.customers().stream().filter(c -> c.opportunities().isEmpty())
                .mapToDouble(DemoCustomer::latentIntent).average().orElseThrow();
        assertTrue(withDeal - withoutDeal > 0.4, withDeal + " vs " + withoutDeal);
        // Observable side: leads with many recent intent events are the high-intent ones.
        Instant since = NOW.minus(Duration.ofDays(90));
        Set<EventType> intent = Set.of(EventType.CHAT, EventType.DOWNLOADED_MATERIAL, EventType.FORM_SUBMITTED,
                EventType.VIEWED_QUOTE);
        List<DemoCustomer> leads = d.customers().stream().filter(c -> c.opportunities().isEmpty()).toList();
        double active = leads.stream().filter(c -> c.events().stream()
                        .filter(e -> intent.contains(e.type()) && e.occurredAt().isAfter(since)).count() >= 4)
                .mapToDouble(DemoCustomer::latentIntent).average().orElseThrow();
        double quiet = leads.stream().filter(c -> c.events().stream()
                        .filter(e -> intent.contains(e.type()) && e.occurredAt().isAfter(since)).count() == 0)
                .mapToDouble(DemoCustomer::latentIntent).average().orElseThrow();
        assertTrue(active - quiet > 0.5, active + " vs " + quiet);
    }

    /** Newton–Raphson for an unpenalised logistic regression (a handful of features, thousands of rows). */
    static double[] fitLogistic(List<double[]> rows, List<Integer> labels) {
        int p = rows.get(0).length;
        double[] beta = new double[p];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int n = 0; n < rows.size(); n++) {
                double[] x = rows.get(n);
                double z = 0;
                for (int j = 0; j < p; j++) {
                    z += beta[j] * x[j];
                }
                double mu = 1 / (1 + Math.exp(-z));
                double w = mu * (1 - mu);
                for (int j = 0; j < p; j++) {
                    gradient[j] += (labels.get(n) - mu) * x[j];
                    for (int k = 0; k < p; k++) {
                        hessian[j][k] += w * x[j] * x[k];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
                size += Math.abs(step[j]);
            }
            if (size < 1e-9) {
                break;
            }
        }
        return beta;
    }

    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k <= n; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    static double auc(double[] scores, int[] labels) {
        long pairs = 0;
        double wins = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
