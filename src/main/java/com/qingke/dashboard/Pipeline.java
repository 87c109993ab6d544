package com.qingke.dashboard;

import com.qingke.opportunity.Stage;
import java.math.BigDecimal;
import java.util.List;

/**
 * DB-01 商机总览 and DB-02 AI赢率: the funnel and stage distribution of the opportunities created in the period, and the
 * predicted win rates of the opportunities open now.
 */
public record Pipeline(List<FunnelStep> funnel, List<StageShare> distribution, List<StageWinRate> winRateByStage,
                       List<OpportunityRow> opportunities, long openOpportunities, String sort, ModelQuality model) {

    /** Opportunities that got at least as far as {@code stage} (skipped stages count as passed). */
    public record FunnelStep(Stage stage, String label, long count, BigDecimal amount, Double shareOfFirst) {
        public String amountText() {
            return Fmt.money(amount);
        }

        public String shareText() {
            return Fmt.pct(shareOfFirst);
        }
    }

    /** Opportunities by their current stage. */
    public record StageShare(Stage stage, String label, long count, BigDecimal amount, Double share) {
        public String amountText() {
            return Fmt.money(amount);
        }

        public String shareText() {
            return Fmt.pct(share);
        }
    }

    /** Open opportunities of one stage with the mean predicted win rate and the win-rate-weighted amount. */
    public record StageWinRate(Stage stage, String label, long count, long scored, Double meanWinRate,
                               BigDecimal amount, BigDecimal expectedAmount) {
        public String meanWinRateText() {
            return Fmt.pct(meanWinRate);
        }

        public String amountText() {
            return Fmt.money(amount);
        }

        public String expectedAmountText() {
            return Fmt.money(expectedAmount);
        }
    }

    public record OpportunityRow(long id, String name, String customerName, String ownerName, Stage stage,
                                 BigDecimal amount, Double winRate, String stageChangedAt, String createdAt) {
        public String stageLabel() {
            return stage.label();
        }

        public String amountText() {
            return Fmt.money(amount);
        }

        public String winRateText() {
            return winRate == null ? "未评分" : Fmt.pct(winRate);
        }

        public BigDecimal expectedAmount() {
            return amount == null || winRate == null ? null : amount.multiply(BigDecimal.valueOf(winRate));
        }

        public String expectedAmountText() {
            return Fmt.money(expectedAmount());
        }
    }

    public String funnelNote() {
        return "期间内新建的商机按到达过的最远阶段计数（跳过的阶段视为已经过）；金额为这些商机的金额合计。";
    }
}
