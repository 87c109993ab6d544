package com.qingke.task;

import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import java.util.List;

@Path("/api/customers/{customerId}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "任务 Task")
public class CustomerTaskResource {
    private final TaskService tasks;
    private final CurrentUser user;
    private final CustomerAccess access;

    CustomerTaskResource(TaskService tasks, CurrentUser user, CustomerAccess access) {
        this.tasks = tasks;
        this.user = user;
        this.access = access;
    }

    @GET
    @Transactional
    @Operation(summary = "客户的任务列表", description = "status 可选 OPEN、DONE、CANCELLED")
    public List<TaskView> list(@PathParam("customerId") Long customerId, @QueryParam("status") TaskStatus status) {
        access.require(customerId);
        return tasks.forCustomer(customerId, status).stream().map(TaskView::of).toList();
    }

    @POST
    @ResponseStatus(201)
    @Transactional
    @Operation(summary = "新建跟进任务", description = "默认指派给当前销售")
    public TaskView create(@PathParam("customerId") Long customerId, @Valid @NotNull NewTask input) {
        access.require(customerId);
        NewTask task = input.assigneeId() == null
                ? new NewTask(input.title(), input.description(), input.dueAt(), input.opportunityId(), user.employeeId())
                : input;
        return TaskView.of(tasks.create(user.corpId(), customerId, task, CrmTask.Source.MANUAL, null, user.actor()));
    }
}
