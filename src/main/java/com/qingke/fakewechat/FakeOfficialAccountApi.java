package com.qingke.fakewechat;

import com.qingke.officialaccount.OfficialAccountConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Function;

/**
 * The official-account API (api.weixin.qq.com and the showqrcode page of mp.weixin.qq.com) as far as Qingke uses it:
 * access token, user/info with unionid, parametric QR codes. Answers with WeChat's JSON and checks the access token on
 * every call, like WeChat.
 */
@ApplicationScoped
public class FakeOfficialAccountApi implements FakeProductRoutes {
    public static final String PREFIX = "/mp";
    public static final String ACCESS_TOKEN = "mp.access_token";
    /** WeChat's longest temporary QR code: 30 days. */
    static final int MAX_EXPIRE_SECONDS = 2_592_000;

    static final class ApiError extends RuntimeException {
        final int code;

        ApiError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final FakeOfficialAccountState state;
    private final FakeTokens tokens;
    private final FakeWeChatConfig fakeConfig;
    private final OfficialAccountConfig account;

    FakeOfficialAccountApi(FakeOfficialAccountState state, FakeTokens tokens, FakeWeChatConfig fakeConfig, OfficialAccountConfig account) {
        this.state = state;
        this.tokens = tokens;
        this.fakeConfig = fakeConfig;
        this.account = account;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public void mount(Router router) {
        router.get("/cgi-bin/token").handler(this::token);
        api(router, HttpMethod.GET, "/cgi-bin/user/info", this::userInfo);
        api(router, HttpMethod.POST, "/cgi-bin/qrcode/create", this::createQrCode);
        router.get("/cgi-bin/showqrcode").handler(this::showQrCode);
    }

    private record Call(RoutingContext ctx, JsonObject body) {
        String query(String name) {
            return ctx.request().getParam(name);
        }
    }

    private void api(Router router, HttpMethod method, String path, Function<Call, JsonObject> handler) {
        router.route(method, path).handler(ctx -> {
            state.countCall(path);
            JsonObject answer;
            try {
                int tokenState = tokens.check(ACCESS_TOKEN, ctx.request().getParam("access_token"));
                if (tokenState == FakeTokens.INVALID) {
                    throw new ApiError(40001, "invalid credential, access_token is invalid or not latest");
                } else if (tokenState != FakeTokens.OK) {
                    throw new ApiError(tokenState, tokenState == FakeTokens.EXPIRED ? "access_token expired" : "access_token missing");
                }
                Integer fault = state.takeFault(path).orElse(null);
                if (fault != null) {
                    throw new ApiError(fault, fault == 45009 ? "reach max api daily quota limit" : "system error");
                }
                JsonObject body = method == HttpMethod.POST ? parse(ctx) : new JsonObject();
                answer = handler.apply(new Call(ctx, body));
            } catch (ApiError e) {
                answer = new JsonObject().put("errcode", e.code).put("errmsg", e.getMessage() + " rid: fake-" + e.code);
            }
            ctx.response().putHeader("Content-Type", "application/json; charset=UTF-8").end(answer.encode());
        });
    }

    private void token(RoutingContext ctx) {
        state.countCall("/cgi-bin/token");
        JsonObject answer;
        if (!"client_credential".equals(ctx.request().getParam("grant_type"))) {
            answer = new JsonObject().put("errcode", 40002).put("errmsg", "invalid grant_type");
        } else if (!account.appId().orElse("").equals(ctx.request().getParam("appid"))) {
            answer = new JsonObject().put("errcode", 40013).put("errmsg", "invalid appid");
        } else if (!account.secret().orElse("").equals(ctx.request().getParam("secret"))) {
            answer = new JsonObject().put("errcode", 40125).put("errmsg", "invalid appsecret");
        } else {
            answer = new JsonObject().put("access_token", tokens.issue(ACCESS_TOKEN, fakeConfig.tokenTtl()))
                    .put("expires_in", fakeConfig.tokenTtl().toSeconds());
        }
        ctx.response().putHeader("Content-Type", "application/json; charset=UTF-8").end(answer.encode());
    }

    private JsonObject userInfo(Call call) {
        FakeOfficialAccountState.Follower f = state.follower(call.query("openid"))
                .orElseThrow(() -> new ApiError(40003, "invalid openid"));
        if (!f.subscribed) {
            // WeChat answers only subscribe=0 and the openid for someone who left
            return new JsonObject().put("subscribe", 0).put("openid", f.openid);
        }
        JsonObject user = new JsonObject().put("subscribe", 1).put("openid", f.openid)
                // since 2021 WeChat no longer discloses nickname and avatar here
                .put("nickname", "").put("sex", 0).put("language", "zh_CN").put("city", "").put("province", "").put("country", "")
                .put("headimgurl", "").put("subscribe_time", f.subscribeTime).put("remark", "").put("groupid", 0)
                .put("tagid_list", new JsonArray()).put("subscribe_scene", f.subscribeScene).put("qr_scene", 0)
                .put("qr_scene_str", f.qrSceneStr);
        if (f.unionid != null) {
            user.put("unionid", f.unionid);
        }
        return user;
    }

    private JsonObject createQrCode(Call call) {
        JsonObject b = call.body();
        String action = b.getString("action_name", "");
        boolean permanent = action.equals("QR_LIMIT_STR_SCENE") || action.equals("QR_LIMIT_SCENE");
        if (!permanent && !action.equals("QR_STR_SCENE") && !action.equals("QR_SCENE")) {
            throw new ApiError(40009, "invalid action_name");
        }
        JsonObject scene = b.getJsonObject("action_info", new JsonObject()).getJsonObject("scene", new JsonObject());
        String sceneStr = scene.getString("scene_str", scene.getValue("scene_id") == null ? "" : String.valueOf(scene.getValue("scene_id")));
        if (sceneStr.isEmpty() || sceneStr.length() > 64) {
            throw new ApiError(40097, "invalid args: scene_str length 1..64");
        }
        Integer expire = permanent ? null : Math.min(MAX_EXPIRE_SECONDS, b.getInteger("expire_seconds", 30));
        String ticket = "gQ" + UUID.randomUUID().toString().replace("-", "") + state.nextId();
        String url = "http://weixin.qq.com/q/fake" + state.nextId();
        state.putQrCode(new FakeOfficialAccountState.QrCode(ticket, sceneStr, permanent, expire, url, state.clock().instant()));
        JsonObject answer = new JsonObject().put("ticket", ticket).put("url", url);
        if (expire != null) {
            answer.put("expire_seconds", expire);
        }
        return answer;
    }

    /** The QR picture; the fake draws a placeholder that names the scene (nobody scans it, the demo page fires the scan). */
    private void showQrCode(RoutingContext ctx) {
        state.countCall("/cgi-bin/showqrcode");
        var qr = state.qrCode(ctx.request().getParam("ticket"));
        if (qr.isEmpty()) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        String scene = qr.get().sceneStr().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"258\" height=\"258\" viewBox=\"0 0 258 258\">"
                + "<rect width=\"258\" height=\"258\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"6\"/>"
                + "<rect x=\"18\" y=\"18\" width=\"60\" height=\"60\"/><rect x=\"180\" y=\"18\" width=\"60\" height=\"60\"/>"
                + "<rect x=\"18\" y=\"180\" width=\"60\" height=\"60\"/>"
                + "<text x=\"129\" y=\"134\" font-size=\"14\" text-anchor=\"middle\">模拟二维码</text>"
                + "<text x=\"129\" y=\"156\" font-size=\"12\" text-anchor=\"middle\">" + scene + "</text></svg>";
        ctx.response().putHeader("Content-Type", "image/svg+xml; charset=UTF-8").end(svg);
    }

    private static JsonObject parse(RoutingContext ctx) {
        try {
            String text = ctx.body().asString();
            return text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
        } catch (DecodeException e) {
            throw new ApiError(47001, "data format error");
        }
    }
}
