package com.qingke.demo;

import com.qingke.opportunity.DecisionChainStatus;
import com.qingke.opportunity.PaymentStatus;
import com.qingke.opportunity.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An opportunity with its stage history (ordered, ending at {@code stage}), decision chain and the ground truth of
 * its outcome. Owner, channel and campaign are the customer's.
 *
 * @param key          unique within the data set; tasks refer to it
 * @param contactCount CALL, CHAT and MESSAGE_SENT events of the customer between creation and closing (or now)
 * @param truth        the latent features and win probability (never written to the database)
 */
public record DemoOpportunity(String key, String name, ProductLine productLine, Stage stage, BigDecimal amount,
                              int contactCount, DecisionChainStatus decisionChainStatus, PaymentStatus paymentStatus,
                              Instant paymentDueAt, String lostReason, Instant stageChangedAt, Instant closedAt,
                              Instant createdAt, List<DemoStageChange> history, List<DemoDecisionContact> contacts,
                              WinRateFeatures truth) {

    public DemoOpportunity {
        history = List.copyOf(history);
        contacts = List.copyOf(contacts);
    }

    public boolean isClosed() {
        return stage.isClosed();
    }

    public boolean isWon() {
        return stage == Stage.WON;
    }
}
