package com.qingke.demo;

import com.qingke.customer.Channel;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.Stage;
import com.qingke.timeline.EventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * An opportunity as a win-rate model sees it: the ground-truth features recomputed from the records (exactly as they
 * would be read from the database, see {@link WinRateGroundTruth}) plus attributes that do not affect the outcome,
 * the label, and the latent truth for comparison. Features are as of {@code closed_at} for closed deals and as of
 * the data set's "now" for open ones.
 *
 * @param lastOpenStage the stage at T; for a closed deal the one it was closed from
 * @param won           the label (false for open deals)
 */
public record ObservedDeal(String key, boolean closed, boolean won, Stage lastOpenStage, boolean decisionMakerReached,
                           int quoteViews, double silenceDays, int contactCount, BigDecimal amount,
                           ProductLine productLine, Channel channel, String ownerUserId, WinRateFeatures truth) {

    /** Reads the deal's features off the customer's records. */
    public static ObservedDeal of(DemoCustomer customer, DemoOpportunity o, Instant now) {
        Instant t = o.isClosed() ? o.closedAt() : now;
        boolean dm = o.contacts().stream().anyMatch(d -> d.role() == DecisionRole.DECISION_MAKER && d.reached()
                && !d.reachedAt().isAfter(t));
        int views = 0;
        Instant last = null;
        for (DemoEvent e : customer.events()) {
            if (e.occurredAt().isAfter(t)) {
                continue;
            }
            if (last == null || e.occurredAt().isAfter(last)) {
                last = e.occurredAt();
            }
            if (e.type() == EventType.VIEWED_QUOTE && !e.occurredAt().isBefore(o.createdAt())) {
                views++;
            }
        }
        double silenceDays = last == null ? Double.NaN : Duration.between(last, t).getSeconds() / 86_400.0;
        Stage stage = o.isClosed() ? o.history().get(o.history().size() - 1).fromStage() : o.stage();
        return new ObservedDeal(o.key(), o.isClosed(), o.isWon(), stage, dm, views, silenceDays, o.contactCount(),
                o.amount(), o.productLine(), customer.sourceChannel(), customer.ownerUserId(), o.truth());
    }
}
