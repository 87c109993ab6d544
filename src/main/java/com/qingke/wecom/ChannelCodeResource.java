package com.qingke.wecom;

import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/wecom/channel-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "企业微信 WeCom", description = "JS-SDK 签名、当前客户、渠道活码")
public class ChannelCodeResource {
    private final ChannelCodeService codes;

    ChannelCodeResource(ChannelCodeService codes) {
        this.codes = codes;
    }

    public record NewChannelCodeRequest(
            @NotBlank(message = "请填写活码名称") @Size(max = 64, message = "名称不能超过64个字") String name,
            @Pattern(regexp = "[A-Za-z0-9_\\-]{1,30}", message = "渠道编码只能包含字母、数字、下划线和短横线，最多30位") String code,
            Long employeeId) {
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "创建渠道活码", description = "调用企业微信「联系我」(add_contact_way)，state 为渠道编码；主管可为团队成员创建")
    public ChannelCodeService.ChannelCode create(@Valid @NotNull NewChannelCodeRequest request) {
        return codes.create(new ChannelCodeService.NewChannelCode(request.name(), request.code(), request.employeeId()));
    }

    @GET
    @Operation(summary = "渠道活码列表", description = "每个活码带来的线索数；销售看自己的，主管看团队的")
    public List<ChannelCodeService.ChannelCode> list() {
        return codes.list();
    }
}
