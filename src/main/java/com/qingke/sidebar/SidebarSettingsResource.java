package com.qingke.sidebar;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the sidebar page asks before anyone has signed in. A class of its own, because the rest of the sidebar API is
 * for reps only and the API document would otherwise list this call as needing a session too.
 */
@Path("/api/sidebar/settings")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "侧边栏 Sidebar", description = "聊天工具栏侧边栏：一次请求返回首屏所需的全部数据")
public class SidebarSettingsResource {
    private final SidebarConfig config;

    SidebarSettingsResource(SidebarConfig config) {
        this.config = config;
    }

    public record Settings(boolean demoBridge, int eventPageSize) {
    }

    @GET
    @Operation(summary = "侧边栏设置", description = "是否提供演示桥（在企业微信之外打开时选择客户、记录而不发送消息）；无需登录，不含任何客户数据")
    public Settings settings() {
        return new Settings(config.demoBridge(), config.eventPageSize());
    }
}
