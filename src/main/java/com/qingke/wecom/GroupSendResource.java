package com.qingke.wecom;

import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/wecom/customers/{customerId}/group-send")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "企业微信 WeCom", description = "JS-SDK 签名、当前客户、渠道活码")
public class GroupSendResource {
    private final GroupSendGateway groupSend;
    private final CustomerAccess access;
    private final CurrentUser user;

    GroupSendResource(GroupSendGateway groupSend, CustomerAccess access, CurrentUser user) {
        this.groupSend = groupSend;
        this.access = access;
        this.user = user;
    }

    public record GroupSendRequest(
            @NotBlank(message = "请填写消息内容") @Size(max = 2000, message = "消息不能超过2000字") String text,
            @Size(max = 128) String linkTitle,
            @Size(max = 512) @Pattern(regexp = "https?://.+", message = "链接必须是 http(s) 地址") String linkUrl,
            @Size(max = 256) String linkDescription) {
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "通过企业微信群发助手发送", description = "聊天窗口未打开时的备选：创建一条待销售在企业微信中确认发送的消息（add_msg_template）")
    public GroupSendGateway.Created send(@PathParam("customerId") Long customerId, @Valid @NotNull GroupSendRequest request) {
        access.require(customerId);
        return groupSend.send(customerId, user.employeeId(), new GroupSendGateway.Message(request.text(), request.linkTitle(),
                request.linkUrl(), request.linkDescription()), user.actor());
    }
}
