package com.qingke.fakewechat;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.platform.QingkeConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The demo's view of the fake official account: a WeChat user follows through a campaign QR (optionally as the same
 * person as a WeCom contact, to watch identity resolution fold them into one customer), scans, clicks the menu or
 * leaves; and the new-lead messages the app sent its reps through WeCom. Exists only while the fake runs.
 */
@Path("/demo/wechat/official-account")
public class DemoOfficialAccountConsole {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<CampaignOption> campaigns, List<FakeOfficialAccountState.Follower> followers,
                                             List<FakeWeComState.Contact> wecomContacts, List<FakeOfficialAccountState.Delivery> deliveries,
                                             List<FakeWeComState.AppMessage> messages, String notice);
    }

    /** A campaign whose QR can be "scanned". */
    public record CampaignOption(String code, String name) {
    }

    private final FakeWeChatServer server;
    private final FakeOfficialAccountState account;
    private final FakeOfficialAccountCallbacks wechat;
    private final FakeWeComState wecom;
    private final QingkeConfig qingke;

    DemoOfficialAccountConsole(FakeWeChatServer server, FakeOfficialAccountState account, FakeOfficialAccountCallbacks wechat,
                               FakeWeComState wecom, QingkeConfig qingke) {
        this.server = server;
        this.account = account;
        this.wechat = wechat;
        this.wecom = wecom;
        this.qingke = qingke;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance index(@QueryParam("notice") String notice) {
        requireFake();
        List<CampaignOption> campaigns = Campaign.<Campaign>list("corpId = ?1 and channel = ?2 order by createdAt desc", qingke.corpId(),
                Channel.OA_QR).stream().map(c -> new CampaignOption(c.code, c.name)).toList();
        List<FakeWeComState.Contact> contacts = wecom.contacts().stream().filter(c -> c.unionId != null).toList();
        return Templates.index(campaigns, newestFirst(account.followers()), contacts, newestFirst(account.deliveries()),
                newestFirst(wecom.appMessages()), notice);
    }

    @POST
    @Path("/subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response subscribe(@FormParam("scene") String scene, @FormParam("sameAs") String sameAsExternalUserId) {
        requireFake();
        FakeOfficialAccountState.Follower user = wechat.newUser();
        String unionid = blankToNull(sameAsExternalUserId) == null ? null
                : wecom.contact(sameAsExternalUserId).map(c -> c.unionId).orElse(null);
        if (unionid != null) {
            user.unionid = unionid;
        }
        String code = blankToNull(scene);
        FakeOfficialAccountCallbacks.Delivery d = wechat.deliver(wechat.subscribe(user, code));
        return back("微信用户 " + user.openid + " 关注了公众号" + (code == null ? "" : "（扫码 " + code + "）")
                + (unionid == null ? "" : "，与企业微信客户同一 unionid") + "，应用应答：" + d.status());
    }

    @POST
    @Path("/event")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response event(@FormParam("openid") String openid, @FormParam("event") String event, @FormParam("value") String value) {
        requireFake();
        FakeOfficialAccountState.Follower user = account.follower(openid).orElseThrow(NotFoundException::new);
        String v = blankToNull(value);
        String xml = switch (event == null ? "" : event) {
            case "SCAN" -> wechat.scan(user, v == null ? "" : v);
            case "CLICK" -> wechat.click(user, v == null ? "MENU_PRICE" : v);
            case "VIEW" -> wechat.view(user, v == null ? qingke.publicUrl() + "/lead-form?channel=web-demo" : v);
            case "unsubscribe" -> wechat.unsubscribe(user);
            default -> throw new jakarta.ws.rs.BadRequestException();
        };
        FakeOfficialAccountCallbacks.Delivery d = wechat.deliver(xml);
        return back("已发送 " + event + "，应用应答：" + d.status());
    }

    private void requireFake() {
        if (!server.isEnabled()) {
            throw new NotFoundException();
        }
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new ArrayList<>(oldestFirst);
        Collections.reverse(copy);
        return copy.subList(0, Math.min(30, copy.size()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Response back(String notice) {
        return Response.seeOther(URI.create("/demo/wechat/official-account?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)))
                .build();
    }
}
