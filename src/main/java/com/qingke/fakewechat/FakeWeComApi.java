package com.qingke.fakewechat;

import com.qingke.platform.QingkeConfig;
import com.qingke.wecom.WeComConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The WeCom server API (qyapi.weixin.qq.com) as far as Qingke uses it, answering with WeCom's JSON (errcode/errmsg,
 * field names as in WeCom's documentation) and checking the access token on every call like WeCom does. Also the
 * OAuth2 authorize page (open.weixin.qq.com), where a demo visitor picks the employee to sign in as.
 */
@ApplicationScoped
public class FakeWeComApi implements FakeProductRoutes {
    public static final String PREFIX = "/cp";
    public static final String ACCESS_TOKEN = "cp.access_token";
    public static final String JSAPI_TICKET = "cp.jsapi_ticket";
    public static final String AGENT_TICKET = "cp.agent_ticket";

    /** A WeCom API error, answered as {"errcode":..,"errmsg":..} with HTTP 200 like WeCom. */
    static final class ApiError extends RuntimeException {
        final int code;

        ApiError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private record Code(String userId, Instant expiresAt) {
    }

    private final FakeWeComState state;
    private final FakeTokens tokens;
    private final FakeWeChatConfig fakeConfig;
    private final WeComConfig app;
    private final String corpId;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    FakeWeComApi(FakeWeComState state, FakeTokens tokens, FakeWeChatConfig fakeConfig, WeComConfig app, QingkeConfig qingke) {
        this.state = state;
        this.tokens = tokens;
        this.fakeConfig = fakeConfig;
        this.app = app;
        this.corpId = qingke.corpId();
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public void mount(Router router) {
        router.get("/cgi-bin/gettoken").handler(this::getToken);
        api(router, HttpMethod.GET, "/cgi-bin/get_jsapi_ticket", b -> ticket(JSAPI_TICKET));
        api(router, HttpMethod.GET, "/cgi-bin/ticket/get", b -> ticket(AGENT_TICKET));
        api(router, HttpMethod.GET, "/cgi-bin/auth/getuserinfo", this::authUserInfo);
        api(router, HttpMethod.GET, "/cgi-bin/user/get", this::user);
        api(router, HttpMethod.GET, "/cgi-bin/department/get", this::department);
        api(router, HttpMethod.GET, "/cgi-bin/externalcontact/get", this::externalContact);
        api(router, HttpMethod.POST, "/cgi-bin/externalcontact/get_corp_tag_list", this::corpTagList);
        api(router, HttpMethod.POST, "/cgi-bin/externalcontact/add_corp_tag", this::addCorpTag);
        api(router, HttpMethod.POST, "/cgi-bin/externalcontact/mark_tag", this::markTag);
        api(router, HttpMethod.POST, "/cgi-bin/externalcontact/add_contact_way", this::addContactWay);
        api(router, HttpMethod.POST, "/cgi-bin/externalcontact/get_contact_way", this::getContactWay);
        api(router, HttpMethod.POST, "/cgi-bin/externalcontact/add_msg_template", this::addMsgTemplate);
        api(router, HttpMethod.POST, "/cgi-bin/message/send", this::sendAppMessage);
        router.get("/connect/oauth2/authorize").handler(this::authorizePage);
        router.get("/connect/oauth2/pick").handler(this::pick);
    }

    /** A one-time OAuth code for an employee, as WeCom appends to the redirect after sign-in (valid 5 minutes). */
    public String issueCode(String userId) {
        String code = UUID.randomUUID().toString().replace("-", "");
        codes.put(code, new Code(userId, state.clock().instant().plusSeconds(300)));
        return code;
    }

    // ---- plumbing ---------------------------------------------------------------

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
                if (tokenState != FakeTokens.OK) {
                    throw tokenError(tokenState);
                }
                Integer fault = state.takeFault(path).orElse(null);
                if (fault != null) {
                    throw new ApiError(fault, messageFor(fault));
                }
                JsonObject body = method == HttpMethod.POST ? parse(ctx) : new JsonObject();
                answer = new JsonObject().put("errcode", 0).put("errmsg", "ok").mergeIn(handler.apply(new Call(ctx, body)));
            } catch (ApiError e) {
                answer = error(e.code, e.getMessage());
            }
            json(ctx, answer);
        });
    }

    private static JsonObject parse(RoutingContext ctx) {
        try {
            String text = ctx.body().asString();
            return text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
        } catch (DecodeException e) {
            throw new ApiError(47001, "data format error");
        }
    }

    private static ApiError tokenError(int code) {
        return new ApiError(code, messageFor(code));
    }

    static String messageFor(int code) {
        return switch (code) {
            case 41001 -> "access_token missing";
            case 40014 -> "invalid access_token";
            case 42001 -> "access_token expired";
            case 45009 -> "api freq out of limit";
            case 60020 -> "not allow to access from your ip";
            case 84061 -> "not exist external contact";
            case -1 -> "system busy";
            default -> "error " + code;
        };
    }

    private static JsonObject error(int code, String message) {
        return new JsonObject().put("errcode", code).put("errmsg", message + ", hint: [fake-" + code + "]");
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json; charset=UTF-8").end(body.encode());
    }

    private static String required(String value, int code, String message) {
        if (value == null || value.isBlank()) {
            throw new ApiError(code, message);
        }
        return value;
    }

    // ---- credentials --------------------------------------------------------------

    private void getToken(RoutingContext ctx) {
        state.countCall("/cgi-bin/gettoken");
        String corp = ctx.request().getParam("corpid");
        String secret = ctx.request().getParam("corpsecret");
        if (!corpId.equals(corp)) {
            json(ctx, error(40013, "invalid corpid"));
        } else if (!app.secret().equals(secret)) {
            json(ctx, error(40001, "invalid credential"));
        } else {
            json(ctx, new JsonObject().put("errcode", 0).put("errmsg", "ok")
                    .put("access_token", tokens.issue(ACCESS_TOKEN, fakeConfig.tokenTtl()))
                    .put("expires_in", fakeConfig.tokenTtl().toSeconds()));
        }
    }

    private JsonObject ticket(String kind) {
        Duration ttl = fakeConfig.tokenTtl();
        return new JsonObject().put("ticket", tokens.issue(kind, ttl)).put("expires_in", ttl.toSeconds());
    }

    /**
     * Whether a JS-SDK signature is valid for the page, made with a corp jsapi_ticket (or, with {@code agent}, an
     * agent ticket) that this fake issued and still honours, the way the WeCom client checks wx.config.
     */
    public boolean isValidJsSdkSignature(boolean agent, String url, String nonceStr, long timestamp, String signature) {
        for (String ticket : tokens.liveValues(agent ? AGENT_TICKET : JSAPI_TICKET)) {
            String expected = me.chanjar.weixin.common.util.crypto.SHA1.genWithAmple("jsapi_ticket=" + ticket, "noncestr=" + nonceStr,
                    "timestamp=" + timestamp, "url=" + url);
            if (expected.equals(signature)) {
                return true;
            }
        }
        return false;
    }

    // ---- directory and OAuth ------------------------------------------------------

    private JsonObject authUserInfo(Call call) {
        String code = required(call.query("code"), 41008, "missing code");
        Code found = codes.remove(code);
        if (found == null || found.expiresAt().isBefore(state.clock().instant())) {
            throw new ApiError(40029, "invalid code");
        }
        return new JsonObject().put("userid", found.userId()).put("user_ticket", "ticket-" + code).put("expires_in", 1800);
    }

    private JsonObject user(Call call) {
        FakeWeComState.Employee e = state.employee(call.query("userid"))
                .orElseThrow(() -> new ApiError(60111, "invalid string value `userid`. userid not found"));
        return new JsonObject().put("userid", e.userId()).put("name", e.name())
                .put("department", new JsonArray().add(e.departmentId())).put("main_department", e.departmentId())
                .put("is_leader_in_dept", new JsonArray().add(e.leader() ? 1 : 0))
                .put("position", e.leader() ? "销售经理" : "销售代表").put("status", 1).put("enable", 1)
                .put("mobile", e.mobile());
    }

    private JsonObject department(Call call) {
        long id;
        try {
            id = Long.parseLong(required(call.query("id"), 60123, "invalid party id"));
        } catch (NumberFormatException e) {
            throw new ApiError(60123, "invalid party id");
        }
        String name = state.department(id).orElseThrow(() -> new ApiError(60123, "invalid party id"));
        return new JsonObject().put("department", new JsonObject().put("id", id).put("name", name).put("parentid", 1).put("order", 1));
    }

    private void authorizePage(RoutingContext ctx) {
        String appid = ctx.request().getParam("appid");
        String redirect = ctx.request().getParam("redirect_uri");
        String st = ctx.request().getParam("state");
        if (!corpId.equals(appid) || redirect == null) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=UTF-8").end("参数错误：appid 或 redirect_uri 无效");
            return;
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>模拟企业微信登录</title>"
                + "<style>body{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;background:#f5f6f8;margin:0;padding:16px}"
                + "a{display:block;background:#fff;border-radius:8px;padding:14px;margin:8px 0;color:#1f2329;text-decoration:none}"
                + "small{color:#8f959e}</style></head><body><h3>模拟企业微信：选择登录成员</h3>"
                + "<p><small>演示模式：真实环境中企业微信会自动识别当前成员</small></p>");
        for (FakeWeComState.Employee e : state.employees()) {
            String href = "pick?userid=" + enc(e.userId()) + "&redirect_uri=" + enc(redirect) + (st == null ? "" : "&state=" + enc(st));
            html.append("<a class=\"employee\" id=\"pick-").append(escape(e.userId())).append("\" href=\"").append(escape(href)).append("\">")
                    .append(escape(e.name())).append(" <small>").append(escape(e.userId())).append(e.leader() ? " · 主管" : " · 销售")
                    .append("</small></a>");
        }
        html.append("</body></html>");
        ctx.response().putHeader("Content-Type", "text/html; charset=UTF-8").end(html.toString());
    }

    private void pick(RoutingContext ctx) {
        String userId = ctx.request().getParam("userid");
        String redirect = ctx.request().getParam("redirect_uri");
        String st = ctx.request().getParam("state");
        if (state.employee(userId).isEmpty() || redirect == null) {
            ctx.response().setStatusCode(400).end("unknown userid");
            return;
        }
        String target = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + issueCode(userId)
                + (st == null ? "" : "&state=" + enc(st));
        ctx.response().setStatusCode(302).putHeader("Location", target).end();
    }

    // ---- customer contact -------------------------------------------------------------

    private JsonObject externalContact(Call call) {
        FakeWeComState.Contact c = state.contact(call.query("external_userid"))
                .orElseThrow(() -> new ApiError(84061, "not exist external contact"));
        JsonObject contact = new JsonObject().put("external_userid", c.externalUserId).put("name", c.name)
                .put("type", 1).put("gender", c.gender);
        putIfPresent(contact, "avatar", c.avatar);
        putIfPresent(contact, "corp_name", c.corpName);
        putIfPresent(contact, "position", c.position);
        putIfPresent(contact, "unionid", c.unionId);
        JsonArray follows = new JsonArray();
        c.follows.values().stream().sorted((a, b) -> Long.compare(a.createTime, b.createTime)).forEach(f -> {
            JsonArray tagJson = new JsonArray();
            for (String tagId : f.tagIds) {
                state.tag(tagId).ifPresent(t -> tagJson.add(new JsonObject().put("group_name", t.groupName())
                        .put("tag_name", t.name()).put("tag_id", t.id()).put("type", 1)));
            }
            JsonObject follow = new JsonObject().put("userid", f.userId).put("remark", f.remark == null ? "" : f.remark)
                    .put("description", f.description == null ? "" : f.description).put("createtime", f.createTime)
                    .put("tags", tagJson).put("remark_mobiles", new JsonArray(new ArrayList<>(f.remarkMobiles)))
                    .put("add_way", f.addWay).put("oper_userid", f.userId);
            putIfPresent(follow, "state", f.state);
            follows.add(follow);
        });
        return new JsonObject().put("external_contact", contact).put("follow_user", follows);
    }

    private JsonObject corpTagList(Call call) {
        JsonArray wantedTags = call.body().getJsonArray("tag_id", new JsonArray());
        JsonArray wantedGroups = call.body().getJsonArray("group_id", new JsonArray());
        JsonArray groups = new JsonArray();
        state.tagGroups().forEach((groupId, list) -> {
            if (!wantedGroups.isEmpty() && !wantedGroups.contains(groupId)) {
                return;
            }
            JsonArray tagJson = new JsonArray();
            list.stream().filter(t -> wantedTags.isEmpty() || wantedTags.contains(t.id())).forEach(t -> tagJson.add(new JsonObject()
                    .put("id", t.id()).put("name", t.name()).put("create_time", t.createTime()).put("order", 0).put("deleted", false)));
            if (!tagJson.isEmpty()) {
                FakeWeComState.Tag first = list.get(0);
                groups.add(new JsonObject().put("group_id", groupId).put("group_name", first.groupName())
                        .put("create_time", first.createTime()).put("order", 0).put("deleted", false).put("tag", tagJson));
            }
        });
        return new JsonObject().put("tag_group", groups);
    }

    private JsonObject addCorpTag(Call call) {
        String groupName = call.body().getString("group_name");
        String groupId = call.body().getString("group_id");
        if (groupName == null && groupId != null) {
            groupName = state.tagGroups().getOrDefault(groupId, List.of()).stream().map(FakeWeComState.Tag::groupName)
                    .findFirst().orElseThrow(() -> new ApiError(40071, "invalid tag group id"));
        }
        required(groupName, 40071, "group_name missing");
        JsonArray wanted = call.body().getJsonArray("tag", new JsonArray());
        JsonArray created = new JsonArray();
        String createdGroupId = null;
        for (int i = 0; i < wanted.size(); i++) {
            String name = required(wanted.getJsonObject(i).getString("name"), 40071, "tag name missing");
            if (name.length() > 30) {
                throw new ApiError(40071, "tag name too long");
            }
            String group = groupName;
            FakeWeComState.Tag existing = state.tagNamed(name).filter(t -> t.groupName().equals(group)).orElse(null);
            if (existing != null) {
                createdGroupId = existing.groupId();
                created.add(new JsonObject().put("id", existing.id()).put("name", existing.name())
                        .put("create_time", existing.createTime()).put("order", 0));
                continue;
            }
            FakeWeComState.Tag tag = state.addTag(name, groupName);
            createdGroupId = tag.groupId();
            created.add(new JsonObject().put("id", tag.id()).put("name", tag.name()).put("create_time", tag.createTime()).put("order", 0));
        }
        return new JsonObject().put("tag_group", new JsonObject().put("group_id", createdGroupId).put("group_name", groupName)
                .put("create_time", state.clock().instant().getEpochSecond()).put("order", 0).put("tag", created));
    }

    private JsonObject markTag(Call call) {
        String userId = required(call.body().getString("userid"), 40003, "invalid userid");
        FakeWeComState.Contact c = state.contact(call.body().getString("external_userid"))
                .orElseThrow(() -> new ApiError(84061, "not exist external contact"));
        FakeWeComState.Follow f = c.follows.get(userId);
        if (f == null) {
            throw new ApiError(84061, "not exist external contact");
        }
        JsonArray add = call.body().getJsonArray("add_tag", new JsonArray());
        JsonArray remove = call.body().getJsonArray("remove_tag", new JsonArray());
        for (Object id : add) {
            state.tag(String.valueOf(id)).orElseThrow(() -> new ApiError(40068, "invalid tagid"));
        }
        for (Object id : add) {
            if (!f.tagIds.contains(String.valueOf(id))) {
                f.tagIds.add(String.valueOf(id));
            }
        }
        for (Object id : remove) {
            f.tagIds.remove(String.valueOf(id));
        }
        return new JsonObject();
    }

    private JsonObject addContactWay(Call call) {
        JsonObject b = call.body();
        int type = Integer.parseInt(String.valueOf(b.getValue("type", "0")));
        int scene = Integer.parseInt(String.valueOf(b.getValue("scene", "0")));
        if ((type != 1 && type != 2) || (scene != 1 && scene != 2)) {
            throw new ApiError(40058, "invalid type or scene");
        }
        String st = b.getString("state");
        if (st != null && st.length() > 30) {
            throw new ApiError(40058, "state exceed max length 30");
        }
        List<String> users = new ArrayList<>();
        for (Object u : b.getJsonArray("user", new JsonArray())) {
            String userId = String.valueOf(u);
            state.employee(userId).orElseThrow(() -> new ApiError(60111, "userid not found"));
            users.add(userId);
        }
        if (users.isEmpty()) {
            throw new ApiError(40058, "user and party empty");
        }
        String configId = "cw" + state.nextId() + UUID.randomUUID().toString().substring(0, 8);
        String qr = (scene == 2) ? "https://wework.qpic.cn/wwpic/fake-" + configId + "/0" : null;
        state.putContactWay(new FakeWeComState.ContactWay(configId, type, scene, st, List.copyOf(users), b.getString("remark"), qr,
                state.clock().instant()));
        JsonObject answer = new JsonObject().put("config_id", configId);
        putIfPresent(answer, "qr_code", qr);
        return answer;
    }

    private JsonObject getContactWay(Call call) {
        FakeWeComState.ContactWay w = state.contactWay(call.body().getString("config_id"))
                .orElseThrow(() -> new ApiError(41044, "invalid config_id"));
        JsonObject way = new JsonObject().put("config_id", w.configId()).put("type", w.type()).put("scene", w.scene())
                .put("remark", w.remark()).put("skip_verify", true).put("state", w.state())
                .put("user", new JsonArray(new ArrayList<>(w.users()))).put("party", new JsonArray());
        putIfPresent(way, "qr_code", w.qrCode());
        return new JsonObject().put("contact_way", way);
    }

    private JsonObject addMsgTemplate(Call call) {
        JsonObject b = call.body();
        String sender = b.getString("sender");
        JsonArray targets = b.getJsonArray("external_userid", new JsonArray());
        JsonObject text = b.getJsonObject("text");
        JsonArray attachments = b.getJsonArray("attachments", new JsonArray());
        if ((text == null || text.getString("content", "").isBlank()) && attachments.isEmpty()) {
            throw new ApiError(41048, "text and attachments empty");
        }
        if (sender == null && targets.isEmpty()) {
            throw new ApiError(40003, "sender and external_userid empty");
        }
        List<String> sent = new ArrayList<>();
        JsonArray failed = new JsonArray();
        for (Object t : targets) {
            String ext = String.valueOf(t);
            boolean follows = state.contact(ext).map(c -> sender == null || c.follows.containsKey(sender)).orElse(false);
            if (follows) {
                sent.add(ext);
            } else {
                failed.add(ext);
            }
        }
        if (sent.isEmpty() && !targets.isEmpty()) {
            throw new ApiError(41051, "external_userid not belong to sender");
        }
        String msgId = "msg" + state.nextId() + UUID.randomUUID().toString().substring(0, 6);
        state.addTemplate(new FakeWeComState.MsgTemplate(msgId, sender, List.copyOf(sent),
                text == null ? null : text.getString("content"), attachments.encode(), state.clock().instant()));
        return new JsonObject().put("fail_list", failed).put("msgid", msgId);
    }

    private static void putIfPresent(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** message/send: an app message to employees; unknown userids come back in invaliduser, as WeCom answers. */
    private JsonObject sendAppMessage(Call call) {
        JsonObject b = call.body();
        String toUser = b.getString("touser", "");
        String type = b.getString("msgtype");
        if (toUser.isBlank() || type == null) {
            throw new ApiError(40003, "touser or msgtype empty");
        }
        if (b.getInteger("agentid") == null || b.getInteger("agentid") != app.agentId()) {
            throw new ApiError(40056, "invalid agentid");
        }
        JsonObject content = b.getJsonObject(type, new JsonObject());
        String text = content.getString("content", content.getString("description", ""));
        // enable_duplicate_check: the same content to the same member within the interval is not delivered again
        boolean checkDuplicates = b.getInteger("enable_duplicate_check", 0) == 1;
        Instant since = state.clock().instant().minusSeconds(b.getInteger("duplicate_check_interval", 1800));
        List<String> delivered = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String user : toUser.split("\\|")) {
            if (state.employee(user).isEmpty()) {
                invalid.add(user);
            } else if (!checkDuplicates || state.appMessages().stream().noneMatch(m -> m.toUsers().contains(user)
                    && m.msgType().equals(type) && m.content().equals(text) && !m.at().isBefore(since))) {
                delivered.add(user);
            }
        }
        String msgId = "app" + state.nextId();
        if (!delivered.isEmpty()) {
            state.addAppMessage(new FakeWeComState.AppMessage(msgId, List.copyOf(delivered), type, text, state.clock().instant()));
        }
        return new JsonObject().put("invaliduser", String.join("|", invalid)).put("msgid", msgId);
    }
}
