package com.qingke.timeline;

import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/customers/{customerId}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "行为轨迹 Timeline", description = "客户的关键行为事件；销售记录的备注与通话")
public class TimelineResource {
    private final TimelineService timeline;

    TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "记录跟进备注或通话", description = "写入客户时间线（NOTE 或 CALL 事件），记录审计并触发重新分析")
    public TimelineEventView log(@PathParam("customerId") Long customerId, @Valid @NotNull NewNote note) {
        return timeline.log(customerId, note);
    }
}
