package com.qingke.wecom;

import com.qingke.employee.Employee;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.security.SessionConfig;
import com.qingke.platform.security.SessionTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rep sign-in through WeCom OAuth2 (snsapi_base): the sidebar and the workbench page start here, WeCom sends the
 * browser back with a code, the code becomes a userid (auth/getuserinfo) and the userid a Qingke session cookie.
 */
@Path("/auth/wecom")
@Tag(name = "登录 Session", description = "企业微信网页授权登录")
public class WeComAuthResource {
    static final String STATE_COOKIE = "qk_oauth";

    private final OAuthState states;
    private final WeComClients clients;
    private final WeComConfig config;
    private final QingkeConfig qingke;
    private final WeComGateway wecom;
    private final EmployeeDirectory directory;
    private final SessionTokens sessions;
    private final SessionConfig sessionConfig;
    private final Audit audit;

    WeComAuthResource(OAuthState states, WeComClients clients, WeComConfig config, QingkeConfig qingke, WeComGateway wecom,
                      EmployeeDirectory directory, SessionTokens sessions, SessionConfig sessionConfig, Audit audit) {
        this.states = states;
        this.clients = clients;
        this.config = config;
        this.qingke = qingke;
        this.wecom = wecom;
        this.directory = directory;
        this.sessions = sessions;
        this.sessionConfig = sessionConfig;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "发起企业微信登录", description = "302 跳转到企业微信网页授权页；登录后回到 redirect 指定的本站页面")
    public Response start(@QueryParam("redirect") String redirect, @Context UriInfo uri) {
        String target = redirect == null || redirect.isBlank() ? SafeRedirects.DEFAULT : redirect;
        if (!SafeRedirects.isSafe(target)) {
            throw ProblemException.badRequest("redirect 只能是本站的相对路径");
        }
        OAuthState.Issued issued = states.issue(target);
        String callback = callbackBase(uri) + "/auth/wecom/callback";
        String authorize = clients.authorizeUrl() + "?appid=" + enc(qingke.corpId()) + "&redirect_uri=" + enc(callback)
                + "&response_type=code&scope=snsapi_base&state=" + issued.state() + "&agentid=" + config.agentId()
                + "#wechat_redirect";
        String cookieValue = issued.nonce() + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(target.getBytes(StandardCharsets.UTF_8));
        return Response.status(302).location(URI.create(authorize))
                .cookie(cookie(STATE_COOKIE, cookieValue, "/auth/wecom", (int) config.oauthStateTtl().toSeconds()))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/callback")
    @Operation(summary = "企业微信登录回调", description = "用 code 换取成员 userid，签发会话 Cookie 后跳回原页面")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @CookieParam(STATE_COOKIE) String stateCookie) {
        String redirect = verifiedRedirect(state, stateCookie);
        if (code == null || code.isBlank() || code.length() > 512) {
            throw ProblemException.badRequest("缺少授权 code");
        }
        String userId;
        try {
            userId = wecom.userIdForCode(code);
        } catch (WeComException e) {
            if (e.errcode() == 40029) {
                throw new ProblemException(400, "登录已失效", "授权码无效或已使用，请从企业微信重新打开页面");
            }
            throw e;
        }
        if (userId == null || userId.isBlank()) {
            throw new ProblemException(403, "无权访问", "仅企业成员可以登录轻客");
        }
        Employee employee = directory.signIn(userId);
        if (!employee.active) {
            throw new ProblemException(403, "无权访问", "该账号已停用");
        }
        QuarkusTransaction.requiringNew().run(() ->
                audit.record(employee.corpId, "employee:" + employee.id, "SIGNED_IN", "employee", employee.id, Map.of("via", "wecom-oauth")));
        String token = sessions.issue(employee);
        return Response.status(302).location(URI.create(redirect))
                .cookie(cookie(sessionConfig.cookieName(), token, "/", (int) sessionConfig.ttl().toSeconds()),
                        cookie(STATE_COOKIE, "", "/auth/wecom", 0))
                .header("Cache-Control", "no-store").build();
    }

    /**
     * WeCom only redirects to the app's trusted domain, so production uses the configured public URL; the fake
     * sign-in page of demo and tests sends the browser back to whichever address it came from.
     */
    private String callbackBase(UriInfo uri) {
        String base = clients.isFake() ? uri.getBaseUri().toString() : qingke.publicUrl();
        return base.replaceAll("/+$", "");
    }

    private String verifiedRedirect(String state, String stateCookie) {
        if (stateCookie == null || stateCookie.indexOf('.') <= 0) {
            throw new ProblemException(400, "登录已失效", "请从企业微信重新打开页面");
        }
        String nonce = stateCookie.substring(0, stateCookie.indexOf('.'));
        String redirect;
        try {
            redirect = new String(Base64.getUrlDecoder().decode(stateCookie.substring(stateCookie.indexOf('.') + 1)),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "登录已失效", "请从企业微信重新打开页面");
        }
        return states.verify(state, nonce, redirect).filter(SafeRedirects::isSafe)
                .orElseThrow(() -> new ProblemException(400, "登录已失效", "请从企业微信重新打开页面"));
    }

    private NewCookie cookie(String name, String value, String path, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(true)
                .secure(sessionConfig.secureCookie()).sameSite(NewCookie.SameSite.LAX).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
