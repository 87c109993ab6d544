package com.qingke.scoring.winrate;

import com.qingke.demo.DemoDataset;
import com.qingke.demo.DemoLoader;
import com.qingke.demo.DemoSize;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.inbox.InboxStatus;
import com.qingke.inbox.OutboxEvent;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.scoring.ModelSnapshot;
import com.qingke.scoring.OpportunitySnapshot;
import com.qingke.scoring.WinRateEstimate;
import com.qingke.scoring.model.Example;
import com.qingke.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

/** The model learns from the corp's own closed deals, read from the database as they stood at their close. */
@QuarkusTest
class WinRateTrainingTest {
    @Inject AgroalDataSource dataSource;
    @Inject WinRateTraining training;
    @Inject ClosedDeals closedDeals;
    @Inject TrainedWinRateEstimator estimator;
    @Inject Fixtures fixtures;
    @Inject AnalysisRequests analysis;

    private static long pendingAnalysisRequests(String corp) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("corpId = ?1 and topic = ?2 and status = ?3",
                corp, AnalysisRequests.TOPIC, InboxStatus.PENDING));
    }

    @Test
    void shouldRecoverTheDemoGroundTruthFromTheDatabase() {
        // 800 customers give ~430 closed deals: enough for the conservative signal check to see the planted effects
        String corp = "ww-test-" + Fixtures.unique("wr");
        DemoDataset dataset = DemoDataset.generate(DemoSize.withCustomers(800), DemoDataset.DEFAULT_SEED, Instant.parse("2026-11-30T00:00:00Z"));
        new DemoLoader(dataSource).load(corp, dataset);

        List<Example> examples = QuarkusTransaction.requiringNew().call(() -> closedDeals.examples(corp));
        long closedInDb = QuarkusTransaction.requiringNew().call(() ->
                Opportunity.count("corpId = ?1 and stage in ?2", corp, List.of(Stage.WON, Stage.LOST)));
        assertEquals(closedInDb, examples.size());
        assertTrue(examples.stream().allMatch(e -> DealExamples.STAGE_ORDER.contains(e.stage())),
                "a closed deal is seen at the open stage it was closed from, never at WON/LOST");

        ModelSnapshot snapshot = training.retrain(corp);
        assertTrue(snapshot.active);
        assertEquals(examples.size(), snapshot.trainingSize);
        assertEquals(examples.stream().filter(Example::won).count(), snapshot.wonCount);
        assertTrue(snapshot.signalFound, "the demo outcomes follow a documented logistic ground truth");
        assertTrue(snapshot.auc > 0.70, "cross-validated AUC " + snapshot.auc);
        assertNotNull(snapshot.card.get("cvCalibration"));

        // a new model changes every open deal's win rate: each customer with one is queued once, in one statement
        long openDealCustomers = QuarkusTransaction.requiringNew().call(() -> Opportunity.getEntityManager()
                .createQuery("select count(distinct o.customerId) from Opportunity o where o.corpId = ?1 and o.stage not in ?2", Long.class)
                .setParameter(1, corp).setParameter(2, List.of(Stage.WON, Stage.LOST)).getSingleResult());
        assertTrue(openDealCustomers > 50, "the demo corp has open deals: " + openDealCustomers);
        assertEquals(openDealCustomers, pendingAnalysisRequests(corp));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> analysis.requestForOpenDeals(corp, "AGAIN")),
                "customers already waiting are not queued twice");
        assertEquals(openDealCustomers, pendingAnalysisRequests(corp));

        OpportunitySnapshot engaged = deal(corp, Stage.NEGOTIATION, true, 6, 1);
        OpportunitySnapshot silent = deal(corp, Stage.NEGOTIATION, false, 0, 60);
        WinRateEstimate hot = QuarkusTransaction.requiringNew().call(() -> estimator.estimate(engaged));
        WinRateEstimate cold = QuarkusTransaction.requiringNew().call(() -> estimator.estimate(silent));
        assertEquals(snapshot.id, hot.modelSnapshotId());
        assertTrue(hot.probability() > cold.probability(),
                "decision maker reached, quotes viewed and recent activity must raise the win rate: " + hot + " vs " + cold);
        assertTrue(hot.factors().size() > 1, "a prediction explains itself: " + hot.factors());

        ModelSnapshot retrained = training.retrain(corp);
        long active = QuarkusTransaction.requiringNew().call(() ->
                ModelSnapshot.count("corpId = ?1 and kind = ?2 and active = true", corp, WinRateTraining.KIND));
        assertEquals(1, active, "only the newest snapshot serves");
        assertNotEquals(snapshot.id, retrained.id);
    }

    @Test
    void theModelEvaluationSeesTheDemoDealsExactlyAsTrainingReadsThemFromTheDatabase() {
        String corp = "ww-test-" + Fixtures.unique("demo-eval");
        new DemoLoader(dataSource).load(corp, DemoDataset.generate(DemoSize.withCustomers(60), DemoDataset.DEFAULT_SEED,
                com.qingke.scoring.model.datasets.DemoDealsImporter.NOW));

        List<Example> fromDatabase = QuarkusTransaction.requiringNew().call(() -> closedDeals.examples(corp));
        List<Example> forEvaluation = com.qingke.scoring.model.datasets.DemoDealsImporter.load(60);

        assertFalse(fromDatabase.isEmpty());
        // ids differ (database ids vs the importer's counter); everything the model sees must not
        java.util.function.Function<Example, String> features = e -> e.stage() + " " + new java.util.TreeMap<>(e.categorical())
                + " " + new java.util.TreeMap<>(e.numeric()) + " " + e.won();
        assertEquals(fromDatabase.stream().map(features).sorted().toList(), forEvaluation.stream().map(features).sorted().toList());
    }

    @Test
    void withTooFewClosedDealsTheConfiguredStagePriorServes() {
        String corp = "ww-test-" + Fixtures.unique("cold");
        ModelSnapshot snapshot = training.retrain(corp);
        assertFalse(snapshot.signalFound);
        assertEquals(0, snapshot.trainingSize);
        WinRateEstimate e = QuarkusTransaction.requiringNew().call(() -> estimator.estimate(deal(corp, Stage.PROPOSAL, true, 3, 2)));
        assertEquals(0.45, e.probability(), 1e-9, "the configured PROPOSAL prior");
        assertTrue(e.factors().get(0).contains("阶段默认赢率"), e.factors().toString());
    }

    @Test
    void onlyManagersMayRetrain() {
        given().header("Authorization", fixtures.bearer(fixtures.rep("张伟"))).post("/api/admin/models/win-rate/retrain")
                .then().statusCode(403);
        given().post("/api/admin/models/win-rate/retrain").then().statusCode(401);
    }

    private static OpportunitySnapshot deal(String corp, Stage stage, boolean decisionMaker, int quoteViews, int silentDays) {
        return new OpportunitySnapshot(null, corp, stage, new BigDecimal("120000"), "WECOM_QR", 40, 10, 6,
                decisionMaker ? com.qingke.opportunity.DecisionChainStatus.DECISION_MAKER_REACHED
                        : com.qingke.opportunity.DecisionChainStatus.NONE,
                decisionMaker, 3, decisionMaker ? 2 : 0, Math.min(quoteViews, 3), 1, 0, 2, quoteViews, silentDays);
    }
}
