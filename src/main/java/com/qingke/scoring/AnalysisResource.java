package com.qingke.scoring;

import com.qingke.platform.security.CustomerAccess;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/customers/{customerId}/analysis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "AI 分析 Analysis", description = "意向评分、风险标签、赢率与推荐动作的生成")
public class AnalysisResource {
    private final CustomerAnalysisService analysis;
    private final CustomerAccess access;

    AnalysisResource(CustomerAnalysisService analysis, CustomerAccess access) {
        this.analysis = analysis;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.REP)
    @Transactional
    @Operation(summary = "立即重新分析客户", description = "平时在行为事件或商机阶段变化后自动异步分析；此接口同步执行并返回结果与触发的规则")
    public AnalysisResult analyseNow(@PathParam("customerId") Long customerId) {
        access.require(customerId);
        return analysis.analyse(customerId);
    }
}
