package com.qingke.recommendation.rules;

import com.qingke.platform.Audit;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import java.util.List;
import java.util.Map;

/** The business admin's handle on the rule base: status, reload after editing rules/, and a dry run of a candidate. */
@Path("/api/admin/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
@Tag(name = "规则 Rules", description = "Drools 规则库：查看、热加载、试运行（不落库）")
public class RulesAdminResource {
    private final RuleBase ruleBase;
    private final RuleDryRun dryRun;
    private final CurrentUser user;
    private final Audit audit;

    RulesAdminResource(RuleBase ruleBase, RuleDryRun dryRun, CurrentUser user, Audit audit) {
        this.ruleBase = ruleBase;
        this.dryRun = dryRun;
        this.user = user;
        this.audit = audit;
    }

    /** A refused rule set: problem+json with every problem's file, line and message. */
    public record RuleProblemDetails(String type, String title, int status, String detail, String instance,
                                     List<RuleProblem> problems) {
    }

    @ServerExceptionMapper
    public Response refused(RuleCompilationException e, UriInfo uri) {
        return Response.status(422).type("application/problem+json")
                .entity(new RuleProblemDetails("urn:qingke:problem:rules-refused", "规则未通过编译", 422,
                        "规则有 " + e.problems().size() + " 处错误，未生效；当前仍使用版本 " + ruleBase.current().version(),
                        uri.getPath(), e.problems()))
                .build();
    }

    @GET
    @Operation(summary = "当前规则库", description = "版本、规则列表（名称、阶段、文件）、模板，以及最近一次加载失败的错误")
    public RuleBaseStatus status() {
        return RuleBaseStatus.of(ruleBase);
    }

    @POST
    @Path("/reload")
    @Operation(summary = "重新加载规则目录", description = "编译失败时返回 422 与文件、行号、错误信息，旧规则继续生效")
    public RuleBaseStatus reload() {
        String before = ruleBase.current().version();
        CompiledRules loaded = ruleBase.reload();
        QuarkusTransaction.requiringNew().run(() -> audit.record(user.corpId(), user.actor(), "RULES_RELOADED", "rule_base", null,
                Map.of("from", before, "to", loaded.version(), "dir", ruleBase.dir().toString())));
        return RuleBaseStatus.of(ruleBase);
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "试运行单个规则文件（纯文本）",
            description = "上传一个 .drl 文件的内容（file 参数为文件名，同名替换现有文件，否则新增），对当前数据试运行，不写入任何数据")
    public DryRunReport dryRunText(@NotBlank(message = "请上传规则内容") String drl,
                                   @QueryParam("file") @DefaultValue("candidate.drl")
                                   @Pattern(regexp = "^[\\w\\-./]+\\.drl$", message = "文件名须以 .drl 结尾") String file) {
        return dryRun.run(user.corpId(), dryRun.candidate(Map.of(file, drl), Map.of(), false));
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "试运行候选规则集（JSON）",
            description = "files：文件名→规则内容；templates：模板名→模板内容；replace=true 时只用上传的规则文件。对当前数据试运行，不写入任何数据")
    public DryRunReport dryRunJson(@Valid @NotNull DryRunUpload upload) {
        return dryRun.run(user.corpId(), dryRun.candidate(upload.files(), upload.templates(), upload.replace()));
    }
}
