package com.qingke.task;

import com.qingke.employee.Employee;
import com.qingke.opportunity.Opportunity;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.RowLocks;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CRM follow-up tasks. Completing one is feedback (WF-06): a TASK_DONE event with the outcome goes on the customer's
 * timeline and the customer is analysed again. Callers check access to the customer first.
 */
@ApplicationScoped
public class TaskService {
    private final Audit audit;
    private final AnalysisRequests analysis;
    private final EntityManager em;

    TaskService(Audit audit, AnalysisRequests analysis, EntityManager em) {
        this.audit = audit;
        this.analysis = analysis;
        this.em = em;
    }

    /** Creates a task on the customer; {@code actionId} is set when a confirmed recommended action made it. */
    @Transactional
    public CrmTask create(String corpId, long customerId, NewTask input, CrmTask.Source source, Long actionId, String actor) {
        if (input.opportunityId() != null) {
            Opportunity o = Opportunity.findById(input.opportunityId());
            if (o == null || !o.corpId.equals(corpId) || o.customerId != customerId) {
                throw ProblemException.badRequest("商机 " + input.opportunityId() + " 不属于该客户");
            }
        }
        if (input.assigneeId() != null) {
            // the id comes from the request: without this a task could be handed to an employee of another corp
            Employee assignee = Employee.findById(input.assigneeId());
            if (assignee == null || !assignee.corpId.equals(corpId) || !assignee.active) {
                throw ProblemException.badRequest("负责人 " + input.assigneeId() + " 不是本企业的在职员工");
            }
        }
        CrmTask t = new CrmTask();
        t.corpId = corpId;
        t.customerId = customerId;
        t.opportunityId = input.opportunityId();
        t.assigneeId = input.assigneeId();
        t.title = input.title().trim();
        t.description = input.description();
        t.dueAt = input.dueAt();
        t.source = source;
        t.actionId = actionId;
        t.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("customerId", customerId);
        detail.put("title", t.title);
        detail.put("source", source.name());
        if (actionId != null) {
            detail.put("actionId", actionId);
        }
        audit.record(corpId, actor, "TASK_CREATED", "task", t.id, detail);
        analysis.request(corpId, customerId, "TASK_CREATED");
        return t;
    }

    /** Marks the task done with its outcome; a task can be completed once. */
    @Transactional
    public CrmTask complete(String corpId, long taskId, String outcome, Long employeeId, String actor) {
        CrmTask t = require(corpId, taskId, true);
        if (t.status != TaskStatus.OPEN) {
            throw ProblemException.conflict(t.status == TaskStatus.DONE ? "该任务已完成，不能重复完成" : "该任务已取消，不能完成");
        }
        Instant now = Instant.now();
        t.status = TaskStatus.DONE;
        t.completedAt = now;
        t.outcome = outcome == null ? null : outcome.trim();
        BehaviourEvent e = new BehaviourEvent();
        e.corpId = corpId;
        e.customerId = t.customerId;
        e.type = EventType.TASK_DONE;
        e.occurredAt = now;
        e.source = "QINGKE";
        e.employeeId = employeeId;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("taskId", t.id);
        metadata.put("title", t.title);
        metadata.put("outcome", t.outcome == null ? "" : t.outcome);
        metadata.put("source", t.source.name());
        if (t.actionId != null) {
            metadata.put("actionId", t.actionId);
        }
        e.metadata = metadata;
        e.idempotencyKey = "task-done:" + t.id;
        e.record();
        audit.record(corpId, actor, "TASK_DONE", "task", t.id, Map.of("outcome", t.outcome == null ? "" : t.outcome));
        analysis.request(corpId, t.customerId, "TASK_DONE");
        return t;
    }

    @Transactional
    public List<CrmTask> forCustomer(long customerId, TaskStatus status) {
        return status == null
                ? CrmTask.list("customerId = ?1 order by status, dueAt, id", customerId)
                : CrmTask.list("customerId = ?1 and status = ?2 order by dueAt, id", customerId, status);
    }

    /** The task, or 404 when it does not exist in the corp. */
    @Transactional
    public CrmTask require(String corpId, long taskId, boolean lock) {
        CrmTask t = lock ? RowLocks.one(em, CrmTask.class, "task", taskId) : CrmTask.findById(taskId);
        if (t == null || !t.corpId.equals(corpId)) {
            throw ProblemException.notFound("任务", taskId);
        }
        return t;
    }
}
