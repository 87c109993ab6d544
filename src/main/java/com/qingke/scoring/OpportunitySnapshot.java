package com.qingke.scoring;

import com.qingke.opportunity.DecisionChainStatus;
import com.qingke.opportunity.Stage;
import java.math.BigDecimal;

/**
 * What a win-rate estimator may know about an open opportunity at analysis time (nothing from after the outcome).
 *
 * @param opportunityId       the opportunity (null when scoring a hypothetical deal)
 * @param corpId              whose model to use
 * @param stage               current stage
 * @param amount              deal amount, may be null
 * @param channel             lead channel (OA_QR, WECOM_QR, WEB_FORM, IMPORT, MANUAL), may be null
 * @param ageDays             days since the opportunity was created
 * @param daysInStage         days since the last stage change
 * @param contactCount        the opportunity's contact counter
 * @param decisionChainStatus NONE, PARTIAL or DECISION_MAKER_REACHED
 * @param decisionMakerReached a decision maker of the buyer has been reached
 * @param decisionContacts    known people in the buyer's decision chain
 * @param contactsReached     of those, how many were reached
 * @param quoteViews30d       the customer's quote views in the last 30 days
 * @param downloads30d        material downloads in the last 30 days
 * @param forms30d            form submissions in the last 30 days
 * @param chats30d            chats in the last 30 days
 * @param quoteViewsSinceCreated the customer's quote views since the opportunity was created
 * @param daysSinceLastActivity  days since the customer last did anything (scan, form, chat, view, download...)
 */
public record OpportunitySnapshot(Long opportunityId, String corpId, Stage stage, BigDecimal amount, String channel,
                                  int ageDays, int daysInStage, int contactCount, DecisionChainStatus decisionChainStatus,
                                  boolean decisionMakerReached, int decisionContacts, int contactsReached,
                                  int quoteViews30d, int downloads30d, int forms30d, int chats30d,
                                  int quoteViewsSinceCreated, int daysSinceLastActivity) {
}
