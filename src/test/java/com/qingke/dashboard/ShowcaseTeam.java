package com.qingke.dashboard;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.employee.Employee;
import com.qingke.opportunity.Stage;
import com.qingke.recommendation.ActionStatus;
import com.qingke.scoring.ModelSnapshot;
import com.qingke.support.Fixtures;
import com.qingke.task.TaskStatus;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small but complete team for the browser test: three reps with leads of the last four weeks from three channels,
 * their events, opportunities in every stage with win rates, tasks, recommended actions and an active model snapshot.
 * Deterministic (no randomness); times are relative to now so the default period shows them.
 */
final class ShowcaseTeam {
    private static final String[] REPS = {"张伟", "王芳", "李娜"};
    private static final String[] COMPANIES = {"苏州精工机械", "无锡恒达自动化", "昆山华科电子", "常州远航模具", "南通瑞丰纺织"};
    private static final Stage[][] PATHS = {
            {Stage.INITIAL}, {Stage.INITIAL, Stage.QUALIFIED}, {Stage.INITIAL, Stage.QUALIFIED, Stage.PROPOSAL},
            {Stage.INITIAL, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION},
            {Stage.INITIAL, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION, Stage.WON},
            {Stage.INITIAL, Stage.QUALIFIED, Stage.LOST}, {Stage.INITIAL, Stage.PROPOSAL, Stage.NEGOTIATION, Stage.WON}};
    private static final double[] WIN_RATES = {0.12, 0.25, 0.41, 0.63, 0, 0, 0};
    private static final String[] REASONS = {"客户近期没有预算", "时机不合适", "已电话沟通过", "时机不合适"};

    private final Fixtures fixtures;
    private final TeamData data;
    private final String corpId;
    final List<Employee> reps = new ArrayList<>();
    Long snapshotId;

    ShowcaseTeam(Fixtures fixtures, String corpId) {
        this.fixtures = fixtures;
        this.data = new TeamData(corpId);
        this.corpId = corpId;
    }

    ShowcaseTeam seed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Campaign[] campaigns = {data.campaign("展会公众号二维码", Channel.OA_QR), data.campaign("官网企微活码", Channel.WECOM_QR),
                data.campaign("官网留资表单", Channel.WEB_FORM)};
        for (String name : REPS) {
            reps.add(fixtures.rep(name));
        }
        int n = 0;
        for (int r = 0; r < reps.size(); r++) {
            Employee rep = reps.get(r);
            for (int i = 0; i < 9; i++, n++) {
                Campaign campaign = campaigns[(i + r) % campaigns.length];
                Instant created = now.minus(2L * i + r + 1, ChronoUnit.DAYS).minus(3L * i, ChronoUnit.HOURS);
                Customer c = data.lead(rep, customerName(n), beijing(created), campaign.channel, campaign);
                long contactHours = (n * 7L) % 40;
                if (n % 5 != 4) {
                    data.event(c, n % 2 == 0 ? EventType.CALL : EventType.CHAT, created.plus(contactHours, ChronoUnit.HOURS), Map.of());
                }
                Instant last = now.minus(n * 37L + 5, ChronoUnit.MINUTES);
                data.event(c, EventType.PAGE_VIEW, last.minus(2, ChronoUnit.HOURS), Map.of("page", "产品中心 / 数控机床"));
                data.event(c, EventType.DOWNLOADED_MATERIAL, last.minus(1, ChronoUnit.HOURS), Map.of("title", "设备选型手册"));
                data.event(c, EventType.VIEWED_QUOTE, last, Map.of("title", "报价单 Q-2026-" + (100 + n)));
                data.activity(c, last, new String[] {"A", "B", "C"}[n % 3]);
                if (i < PATHS.length) {
                    Stage[] path = PATHS[(i + r) % PATHS.length];
                    Double winRate = path[path.length - 1].isClosed() ? null : WIN_RATES[(i + r) % PATHS.length];
                    data.opportunity(c, rep, beijing(created.plus(1, ChronoUnit.DAYS)), String.valueOf(80000 + 15000 * ((n * 3) % 11)),
                            winRate, path);
                }
                data.task(c, rep, beijing(created.plus(2, ChronoUnit.DAYS)), n % 4 == 3 ? TaskStatus.OPEN : TaskStatus.DONE,
                        n % 4 == 3 ? null : beijing(created.plus(n % 3 == 0 ? 3 : 1, ChronoUnit.DAYS)));
                ActionStatus status = new ActionStatus[] {ActionStatus.PROPOSED, ActionStatus.CONFIRMED, ActionStatus.EXECUTED,
                        ActionStatus.DISMISSED, ActionStatus.PROPOSED}[n % 5];
                Instant proposed = created.plus(1, ChronoUnit.HOURS);
                boolean decided = status != ActionStatus.PROPOSED;
                data.action(c, rep, 60 + (n * 13) % 40, status, beijing(proposed),
                        decided ? beijing(proposed.plus(5, ChronoUnit.HOURS)) : null,
                        status == ActionStatus.DISMISSED ? REASONS[n % REASONS.length] : null);
            }
        }
        snapshotId = QuarkusTransaction.requiringNew().call(this::snapshot);
        return this;
    }

    /** Takes the snapshot out of service again so other tests never see it as the corp's model. */
    void retire() {
        if (snapshotId != null) {
            QuarkusTransaction.requiringNew().run(() -> ModelSnapshot.update("active = false where id = ?1", snapshotId));
        }
    }

    private Long snapshot() {
        ModelSnapshot s = new ModelSnapshot();
        s.corpId = corpId;
        s.kind = "WIN_RATE";
        s.trainingSize = 412;
        s.wonCount = 158;
        s.lostCount = 254;
        s.auc = 0.781;
        s.brier = 0.182;
        s.signalFound = true;
        s.active = true;
        List<Map<String, Object>> bins = new ArrayList<>();
        double[] predicted = {0.05, 0.11, 0.18, 0.26, 0.33, 0.41, 0.5, 0.61, 0.72, 0.86};
        double[] observed = {0.04, 0.12, 0.15, 0.29, 0.31, 0.45, 0.47, 0.64, 0.7, 0.88};
        for (int i = 0; i < 10; i++) {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("bin", i);
            bin.put("count", 41);
            bin.put("meanPredicted", predicted[i]);
            bin.put("observedRate", observed[i]);
            bins.add(bin);
        }
        s.card = new LinkedHashMap<>(Map.of("status", "BLENDED", "cvCalibration", bins,
                "notes", List.of("交叉验证（10 折）中模型优于阶段先验")));
        s.persist();
        return s.id;
    }

    private static String customerName(int n) {
        String[] family = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
        return family[n % family.length] + new String[] {"经理", "总", "工", "主任"}[n % 4] + " · " + COMPANIES[n % COMPANIES.length];
    }

    private static String beijing(Instant t) {
        return LocalDateTime.ofInstant(t, TeamData.SHANGHAI).toString();
    }
}
