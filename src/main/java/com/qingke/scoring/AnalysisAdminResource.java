package com.qingke.scoring;

import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/analysis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
@Tag(name = "AI 分析 Analysis")
public class AnalysisAdminResource {
    private final AnalysisRequests requests;
    private final Rescore rescore;
    private final CurrentUser user;

    AnalysisAdminResource(AnalysisRequests requests, Rescore rescore, CurrentUser user) {
        this.requests = requests;
        this.rescore = rescore;
        this.user = user;
    }

    public record Queued(int customers) {
    }

    /** What a full rescore did; {@code millis} is its wall-clock time. */
    public record Rescored(int customers, int analysed, int chunks, int failedChunks, long millis, java.util.Map<String, Long> phaseMillis) {
    }

    @POST
    @Path("/rescore")
    @Operation(summary = "立即重新分析全部客户（管理者）", description = "分批（每批一个事务）分析所有有效客户并等待完成，例如规则更新后；失败的批次交给后台逐个重试")
    public Rescored rescore() {
        Rescore.Result r = rescore.rescoreAll(user.corpId(), "MANUAL by " + user.actor());
        return new Rescored(r.customers(), r.analysed(), r.chunks(), r.failedChunks(), r.took().toMillis(), r.phaseMillis());
    }

    @POST
    @Path("/enqueue-all")
    @Operation(summary = "重新分析全部客户（管理者）", description = "为所有有效客户排队分析，例如规则更新后")
    public Queued enqueueAll() {
        return new Queued(requests.requestForAllActive(user.corpId(), "MANUAL by " + user.actor()));
    }
}
