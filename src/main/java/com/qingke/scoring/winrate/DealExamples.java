package com.qingke.scoring.winrate;

import com.qingke.opportunity.Stage;
import com.qingke.scoring.OpportunitySnapshot;
import com.qingke.scoring.model.Example;
import java.util.List;
import java.util.Map;

/**
 * Turns an opportunity snapshot into the model's example: stage, days in stage, activity counts and recency,
 * decision-maker reach, amount and channel. Few features on purpose: an SME has a few hundred closed deals at most,
 * and every extra column costs the small-data model more in variance than it brings. Training (closed deals as of
 * their close) and serving (open deals now) both go through here, so the model sees the same features in both.
 */
public final class DealExamples {
    public static final List<String> STAGE_ORDER = List.of(Stage.INITIAL.name(), Stage.QUALIFIED.name(),
            Stage.PROPOSAL.name(), Stage.NEGOTIATION.name());

    /** How each feature is named to a rep in the "why" of a win rate. */
    public static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("decisionMaker", "决策人触达"),
            Map.entry("channel", "线索渠道"),
            Map.entry("daysInStage", "本阶段停留天数"),
            Map.entry("quoteViews", "商机以来浏览报价次数"),
            Map.entry("downloads30d", "近30天下载资料"),
            Map.entry("forms30d", "近30天提交表单"),
            Map.entry("chats30d", "近30天咨询"),
            Map.entry("daysSinceLastActivity", "客户沉默天数"),
            Map.entry("amount", "商机金额"),
            Map.entry("stage", "商机阶段"));

    private DealExamples() {
    }

    /** The open stage the deal is in (or, for a closed deal, was closed from) goes in as the stage. */
    public static Example of(String id, Stage stage, OpportunitySnapshot s, boolean won) {
        return Example.builder(id)
                .stage(stage.name())
                .categorical("decisionMaker", s.decisionMakerReached() ? "已触达" : "未触达")
                .categorical("channel", s.channel())
                .numeric("daysInStage", (double) s.daysInStage())
                .numeric("quoteViews", (double) s.quoteViewsSinceCreated())
                .numeric("downloads30d", (double) s.downloads30d())
                .numeric("forms30d", (double) s.forms30d())
                .numeric("chats30d", (double) s.chats30d())
                .numeric("daysSinceLastActivity", (double) s.daysSinceLastActivity())
                .numeric("amount", s.amount() == null ? null : s.amount().doubleValue())
                .won(won)
                .build();
    }
}
