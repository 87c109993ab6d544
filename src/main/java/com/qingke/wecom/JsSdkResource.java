package com.qingke.wecom;

import com.qingke.platform.ProblemException;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JS-SDK signatures for the sidebar page, so it can call getContext, getCurExternalContact and sendChatMessage. */
@Path("/api/wecom/jssdk")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "企业微信 WeCom", description = "JS-SDK 签名、当前客户、渠道活码")
public class JsSdkResource {
    /** The JS-SDK calls the sidebar uses; requested in both wx.config and wx.agentConfig. */
    public static final List<String> JS_API_LIST = List.of("getContext", "getCurExternalContact", "sendChatMessage");

    private final WeComGateway wecom;
    private final QingkeConfig qingke;

    JsSdkResource(WeComGateway wecom, QingkeConfig qingke) {
        this.wecom = wecom;
        this.qingke = qingke;
    }

    /** What ww.register / wx.config + wx.agentConfig need. */
    public record JsSdkConfig(String corpId, int agentId, String url, List<String> jsApiList,
                              WeComGateway.Signature config, WeComGateway.Signature agentConfig) {
    }

    @GET
    @Operation(summary = "JS-SDK 签名", description = "返回页面 URL（不含 # 之后部分）的 wx.config（企业 jsapi_ticket）与 wx.agentConfig（应用 ticket）签名")
    public JsSdkConfig signatures(@QueryParam("url") @NotBlank(message = "请提供页面地址") @Size(max = 1024) String url,
                                  @Context HttpHeaders headers) {
        String page = withoutFragment(url);
        requireOwnPage(page, headers.getHeaderString("Host"));
        WeComGateway.JsSdkSignatures s = wecom.jsSdk(page);
        return new JsSdkConfig(s.corpId(), s.agentId(), page, JS_API_LIST, s.config(), s.agentConfig());
    }

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Signs only pages of this app (the public URL's host, or the host the request came to in demo setups). */
    private void requireOwnPage(String page, String requestHost) {
        try {
            URI uri = new URI(page);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (host == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw ProblemException.badRequest("页面地址无效");
            }
            String pageAuthority = uri.getRawAuthority();
            String publicAuthority = new URI(qingke.publicUrl()).getRawAuthority();
            if (!pageAuthority.equalsIgnoreCase(publicAuthority) && !pageAuthority.equalsIgnoreCase(requestHost)) {
                throw ProblemException.badRequest("只能为本应用的页面签名");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("页面地址无效");
        }
    }
}
