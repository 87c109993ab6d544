package com.qingke.recommendation;

import com.qingke.employee.Employee;
import com.qingke.material.TrackedLinkView;
import com.qingke.material.TrackedLinks;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.RowLocks;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.recommendation.rules.DraftRenderer;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.task.CrmTask;
import com.qingke.task.NewTask;
import com.qingke.task.TaskService;
import com.qingke.task.TaskView;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action lifecycle as the signed-in rep drives it (WF-05): PROPOSED → CONFIRMED (optionally edited) → EXECUTED,
 * or DISMISSED with a reason. Each method checks the rep may act on the customer first. Every decision is audited and
 * written to the timeline as feedback (WF-06).
 */
@ApplicationScoped
public class ActionService {
    private final CurrentUser user;
    private final CustomerAccess access;
    private final Audit audit;
    private final FeedbackEvents feedback;
    private final TrackedLinks links;
    private final TaskService tasks;
    private final AnalysisRequests analysis;
    private final RecommendationConfig config;
    private final Instance<MessageDelivery> delivery;
    private final EntityManager em;

    ActionService(CurrentUser user, CustomerAccess access, Audit audit, FeedbackEvents feedback, TrackedLinks links,
                  TaskService tasks, AnalysisRequests analysis, RecommendationConfig config, Instance<MessageDelivery> delivery,
                  EntityManager em) {
        this.em = em;
        this.user = user;
        this.access = access;
        this.audit = audit;
        this.feedback = feedback;
        this.links = links;
        this.tasks = tasks;
        this.analysis = analysis;
        this.config = config;
        this.delivery = delivery;
    }

    /** The customer's open actions (PROPOSED and CONFIRMED), highest priority first; all of them with {@code all}. */
    @Transactional
    public List<ActionView> forCustomer(Long customerId, boolean all) {
        access.require(customerId);
        List<RecommendedAction> found = all
                ? RecommendedAction.list("customerId = ?1 order by createdAt desc, id desc", customerId)
                : RecommendedAction.list("customerId = ?1 and status in ?2 order by priority desc, createdAt desc, id desc",
                customerId, List.of(ActionStatus.PROPOSED, ActionStatus.CONFIRMED));
        return found.stream().map(ActionView::of).toList();
    }

    /** Open actions of the rep's own customers, or of the whole team for a manager. */
    @Transactional
    public List<ActionView> openForMe() {
        List<ActionStatus> open = List.of(ActionStatus.PROPOSED, ActionStatus.CONFIRMED);
        List<RecommendedAction> found = user.isManager()
                ? RecommendedAction.find("corpId = ?1 and status in ?2 order by priority desc, createdAt desc", user.corpId(), open)
                .page(0, config.listLimit()).list()
                : RecommendedAction.find("corpId = ?1 and ownerId = ?2 and status in ?3 order by priority desc, createdAt desc",
                user.corpId(), user.employeeId(), open).page(0, config.listLimit()).list();
        return found.stream().map(ActionView::of).toList();
    }

    @Transactional
    public ActionView get(long id) {
        return ActionView.of(requireVisible(id, false));
    }

    /**
     * The rep confirms. MESSAGE: the final text and a fresh tracked link are returned for the sidebar to send (a repeat
     * confirmation returns the same link). TASK: the CRM task is created and the action is executed. ALERT:
     * acknowledged, with its follow-up task created if it has one.
     */
    @Transactional
    public ConfirmResult confirm(long id, ConfirmRequest request) {
        RecommendedAction a = requireVisible(id, true);
        ConfirmRequest edits = request == null ? ConfirmRequest.empty() : request;
        if (a.kind == ActionKind.MESSAGE && a.status == ActionStatus.CONFIRMED) {
            TrackedLinkView link = links.forAction(a.id).orElse(null);
            if (!blank(edits.text())) {
                a.finalText = withLink(edits.text().strip(), link);
                audit.record(a.corpId, user.actor(), "ACTION_TEXT_EDITED", "recommended_action", a.id, Map.of("finalText", a.finalText));
            }
            return new ConfirmResult(ActionView.of(a), a.finalText, link, null);
        }
        requireMove(a, ActionStatus.CONFIRMED);
        Instant now = Instant.now();
        a.status = ActionStatus.CONFIRMED;
        a.decidedBy = user.employeeId();
        a.decidedAt = now;
        TrackedLinkView link = a.materialId == null ? null : links.create(a.corpId, a.materialId, a.customerId, user.employeeId(), a.id);
        boolean edited = !blank(edits.text()) && !edits.text().strip().equals(a.draftText);
        String text = blank(edits.text()) ? a.draftText : edits.text().strip();
        a.finalText = text == null ? null : withLink(text, link);

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rule", a.ruleName);
        detail.put("kind", a.kind.name());
        detail.put("edited", edited);
        if (a.finalText != null) {
            detail.put("finalText", a.finalText);
        }
        if (link != null) {
            detail.put("trackedLink", link.url());
        }
        audit.record(a.corpId, user.actor(), "ACTION_CONFIRMED", "recommended_action", a.id, detail);
        feedback.record(a.corpId, a.customerId, EventType.ACTION_CONFIRMED, user.employeeId(),
                Map.of("actionId", a.id, "rule", a.ruleName, "kind", a.kind.name(), "edited", edited), "action:" + a.id + ":confirmed");

        TaskView task = null;
        switch (a.kind) {
            case MESSAGE -> {
                // the sidebar sends it and reports back through executed()
            }
            case TASK -> {
                CrmTask created = createTask(a, edits, link, now);
                task = TaskView.of(created);
                execute(a, now, "已创建任务 #" + created.id, Map.of("taskId", created.id));
            }
            case ALERT -> {
                if (a.taskTitle != null) {
                    CrmTask created = createTask(a, edits, link, now);
                    task = TaskView.of(created);
                }
                execute(a, now, task == null ? "已知悉" : "已知悉，已创建任务 #" + task.id(), Map.of());
            }
        }
        return new ConfirmResult(ActionView.of(a), a.finalText, link, task);
    }

    /**
     * The sidebar reports that the confirmed message went out (or failed). Reporting twice changes nothing the second
     * time. A message's follow-up reminder task is created when it is sent.
     */
    @Transactional
    public ActionView executed(long id, ExecutionReport report) {
        RecommendedAction a = requireVisible(id, true);
        ExecutionReport r = report == null ? new ExecutionReport(null, false, null) : report;
        if (a.status == ActionStatus.EXECUTED) {
            return ActionView.of(a);
        }
        requireMove(a, ActionStatus.EXECUTED);
        if (r.failed()) {
            a.executionResult = ActionReconciler.cut("发送失败：" + (r.detail() == null ? "未知原因" : r.detail()), 512);
            audit.record(a.corpId, user.actor(), "MESSAGE_SEND_FAILED", "recommended_action", a.id,
                    Map.of("channel", r.channelOrDefault().name(), "detail", r.detail() == null ? "" : r.detail()));
            return ActionView.of(a);
        }
        markSent(a, r.channelOrDefault(), r.detail());
        return ActionView.of(a);
    }

    /** Sends a confirmed message through the group-send channel instead of the chat sidebar. */
    @Transactional
    public ActionView groupSend(long id) {
        RecommendedAction a = requireVisible(id, true);
        if (a.status == ActionStatus.EXECUTED) {
            return ActionView.of(a);
        }
        if (a.kind != ActionKind.MESSAGE) {
            throw ProblemException.conflict("只有消息类推荐动作可以群发");
        }
        requireMove(a, ActionStatus.EXECUTED);
        if (delivery.isUnsatisfied()) {
            throw new ProblemException(503, "群发通道未配置", "当前部署没有可用的企业微信群发通道，请在聊天侧边栏中发送");
        }
        Employee sender = Employee.findById(user.employeeId());
        DeliveryResult result = delivery.get().deliver(new DeliveryRequest(a.corpId, a.id, a.customerId, sender.id,
                sender.wecomUserId, a.finalText, links.forAction(a.id).orElse(null)));
        if (!result.accepted()) {
            throw new ProblemException(502, "群发失败", result.detail() == null ? "企业微信未接受群发请求，请稍后重试" : result.detail());
        }
        markSent(a, ExecutionReport.Channel.GROUP_SEND,
                "已创建企业微信群发任务" + (result.reference() == null ? "" : "（" + result.reference() + "）"));
        return ActionView.of(a);
    }

    /** The rep does not want this action; the reason is feedback for the rules and the model. */
    @Transactional
    public ActionView dismiss(long id, String reason) {
        RecommendedAction a = requireVisible(id, true);
        requireMove(a, ActionStatus.DISMISSED);
        a.status = ActionStatus.DISMISSED;
        a.openKey = null;
        a.dismissReason = ActionReconciler.cut(reason.strip(), 255);
        a.decidedBy = user.employeeId();
        a.decidedAt = Instant.now();
        audit.record(a.corpId, user.actor(), "ACTION_DISMISSED", "recommended_action", a.id,
                Map.of("rule", a.ruleName, "reason", a.dismissReason));
        feedback.record(a.corpId, a.customerId, EventType.ACTION_DISMISSED, user.employeeId(),
                Map.of("actionId", a.id, "rule", a.ruleName, "kind", a.kind.name(), "reason", a.dismissReason), "action:" + a.id + ":dismissed");
        return ActionView.of(a);
    }

    private void markSent(RecommendedAction a, ExecutionReport.Channel channel, String detail) {
        Instant now = Instant.now();
        String result = (channel == ExecutionReport.Channel.GROUP_SEND ? "已通过群发发送" : "已在聊天中发送")
                + (detail == null || detail.isBlank() ? "" : "：" + detail);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("channel", channel.name());
        if (a.taskTitle != null) {
            NewTask reminder = new NewTask(a.taskTitle, a.title, now.plus(Duration.ofDays(a.taskDueDays == null ? 0 : a.taskDueDays)),
                    a.opportunityId, user.employeeId());
            CrmTask created = tasks.create(a.corpId, a.customerId, reminder, CrmTask.Source.ACTION, a.id, user.actor());
            a.taskId = created.id;
            extra.put("reminderTaskId", created.id);
        }
        execute(a, now, result, extra);
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("actionId", a.id);
        sent.put("rule", a.ruleName);
        sent.put("channel", channel.name());
        sent.put("text", a.finalText == null ? "" : a.finalText);
        if (a.materialId != null) {
            sent.put("materialId", a.materialId);
        }
        feedback.record(a.corpId, a.customerId, EventType.MESSAGE_SENT, user.employeeId(), sent, "action:" + a.id + ":sent");
        analysis.request(a.corpId, a.customerId, "MESSAGE_SENT");
    }

    private void execute(RecommendedAction a, Instant now, String result, Map<String, Object> extra) {
        a.status = ActionStatus.EXECUTED;
        a.openKey = null;
        a.executedAt = now;
        a.executionResult = ActionReconciler.cut(result, 512);
        Map<String, Object> detail = new LinkedHashMap<>(extra);
        detail.put("rule", a.ruleName);
        detail.put("result", a.executionResult);
        if (a.finalText != null) {
            detail.put("finalText", a.finalText);
        }
        audit.record(a.corpId, user.actor(), "ACTION_EXECUTED", "recommended_action", a.id, detail);
    }

    private CrmTask createTask(RecommendedAction a, ConfirmRequest edits, TrackedLinkView link, Instant now) {
        String title = !blank(edits.taskTitle()) ? edits.taskTitle().strip() : a.taskTitle != null ? a.taskTitle : a.title;
        Instant due = edits.dueAt() != null ? edits.dueAt() : now.plus(Duration.ofDays(a.taskDueDays == null ? 1 : a.taskDueDays));
        StringBuilder description = new StringBuilder(a.title);
        if (a.reason != null) {
            description.append("。原因：").append(a.reason);
        }
        if (a.finalText != null) {
            description.append("\n建议话术：").append(a.finalText);
        } else if (link != null) {
            description.append("\n推荐资料：").append(link.title()).append(' ').append(link.url());
        }
        NewTask task = new NewTask(ActionReconciler.cut(title, 255), ActionReconciler.cut(description.toString(), 1024), due,
                a.opportunityId, user.employeeId());
        CrmTask created = tasks.create(a.corpId, a.customerId, task, CrmTask.Source.ACTION, a.id, user.actor());
        a.taskId = created.id;
        return created;
    }

    private RecommendedAction requireVisible(long id, boolean lock) {
        RecommendedAction a = RecommendedAction.findById(id);
        if (a == null || !a.corpId.equals(user.corpId())) {
            throw ProblemException.notFound("推荐动作", id);
        }
        access.require(a.customerId);
        // decisions on one action are serialised and read the latest committed state: a double click or a repeated
        // report sees the first one's result
        return lock ? RowLocks.one(em, RecommendedAction.class, "recommended_action", id) : a;
    }

    private static void requireMove(RecommendedAction a, ActionStatus target) {
        if (a.status.canMoveTo(target)) {
            return;
        }
        String verb = switch (target) {
            case CONFIRMED -> "确认";
            case EXECUTED -> "执行";
            case DISMISSED -> "忽略";
            default -> "变更";
        };
        String why = switch (a.status) {
            case PROPOSED -> "该推荐动作尚未确认，请先确认后再" + verb;
            case CONFIRMED -> "该推荐动作已确认，不能再次" + verb;
            case EXECUTED -> "该推荐动作已执行，不能再" + verb;
            case DISMISSED -> "该推荐动作已被忽略" + (a.dismissReason == null ? "" : "（原因：" + a.dismissReason + "）") + "，不能再" + verb;
            case SUPERSEDED -> "该推荐动作已被新的分析结果取代，不能再" + verb;
        };
        throw ProblemException.conflict(why);
    }

    private static String withLink(String text, TrackedLinkView link) {
        if (link == null) {
            return text.replace(DraftRenderer.LINK_PLACEHOLDER, "").strip();
        }
        return text.replace(DraftRenderer.LINK_PLACEHOLDER, link.url());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
