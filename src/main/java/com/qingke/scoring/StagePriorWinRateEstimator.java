package com.qingke.scoring;

import com.qingke.opportunity.Stage;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The cold start: each stage's configured win rate (qingke.scoring.stage-prior.*). */
@DefaultBean
@ApplicationScoped
public class StagePriorWinRateEstimator implements WinRateEstimator {
    private final ScoringConfig.StagePrior prior;

    public StagePriorWinRateEstimator(ScoringConfig config) {
        this.prior = config.stagePrior();
    }

    @Override
    public WinRateEstimate estimate(OpportunitySnapshot opportunity) {
        Stage stage = opportunity.stage();
        double p = probability(stage);
        String why = stage.isClosed()
                ? "商机已" + stage.label()
                : "「" + stage.label() + "」阶段的默认赢率为" + Math.round(p * 100) + "%（尚未启用训练模型）";
        return new WinRateEstimate(p, List.of(why), null);
    }

    public double probability(Stage stage) {
        return switch (stage) {
            case INITIAL -> prior.initial();
            case QUALIFIED -> prior.qualified();
            case PROPOSAL -> prior.proposal();
            case NEGOTIATION -> prior.negotiation();
            case WON -> 1.0;
            case LOST -> 0.0;
        };
    }
}
