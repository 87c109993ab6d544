package com.qingke.task;

import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "任务 Task", description = "跟进任务：手动创建，或由确认的推荐动作生成；完成时记录结果，作为 AI 反馈")
public class TaskResource {
    private final TaskService tasks;
    private final CurrentUser user;
    private final CustomerAccess access;

    TaskResource(TaskService tasks, CurrentUser user, CustomerAccess access) {
        this.tasks = tasks;
        this.user = user;
        this.access = access;
    }

    public record Completion(@Size(max = 255, message = "结果不超过255个字") String outcome) {
    }

    @POST
    @Path("/{id}/complete")
    @Transactional
    @Operation(summary = "完成任务", description = "记录结果（如“客户同意下周演示”），生成 TASK_DONE 事件并触发重新分析")
    public TaskView complete(@PathParam("id") long id, @Valid Completion completion) {
        CrmTask t = tasks.require(user.corpId(), id, false);
        access.require(t.customerId);
        return TaskView.of(tasks.complete(user.corpId(), id, completion == null ? null : completion.outcome(),
                user.employeeId(), user.actor()));
    }
}
