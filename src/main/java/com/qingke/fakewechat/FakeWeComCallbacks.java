package com.qingke.fakewechat;

import com.qingke.platform.QingkeConfig;
import com.qingke.wecom.CallbackCrypto;
import com.qingke.wecom.WeComConfig;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * WeCom's side of the callback: builds correctly encrypted and signed events (with the app's Token and EncodingAESKey,
 * as the admin console would be configured) and posts them to the app's callback URL. The scenario methods also
 * change the fake corp's state first, so that the app's follow-up externalcontact/get sees what WeCom would show.
 */
@ApplicationScoped
public class FakeWeComCallbacks {
    public static final String CALLBACK_PATH = "/wecom/callback";
    private static final List<String> NAMES = List.of("周敏", "吴昊", "郑爽", "冯磊", "陈晨", "褚洁", "卫东", "蒋琳", "沈浩", "韩梅",
            "杨帆", "朱婷", "秦川", "许诺", "何静", "吕阳");
    private static final List<String> COMPANIES = List.of("杭州云启科技", "苏州精工机械", "宁波海顺贸易", "上海澄明咨询",
            "南京百川制造", "无锡恒达电子");

    private final FakeWeComState state;
    private final CallbackCrypto crypto;
    private final Instance<HttpServer> appServer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();

    FakeWeComCallbacks(FakeWeComState state, WeComConfig app, QingkeConfig qingke, Instance<HttpServer> appServer) {
        this.state = state;
        this.crypto = new CallbackCrypto(app.callbackToken(), app.callbackAesKey(), qingke.corpId());
        this.appServer = appServer;
    }

    /** What the app answered to a delivered callback. */
    public record Delivery(int status, String body) {
    }

    // ---- building callbacks ----------------------------------------------------------

    /** A change_external_contact event as WeCom's XML, fields in WeCom's order; extra fields (State, Source...) appended. */
    public String changeExternalContactXml(String changeType, String userId, String externalUserId, Map<String, String> extra,
                                           long createTime) {
        StringBuilder xml = new StringBuilder("<xml><ToUserName><![CDATA[").append(crypto.corpId())
                .append("]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>").append(createTime)
                .append("</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>")
                .append("<ChangeType><![CDATA[").append(changeType).append("]]></ChangeType>")
                .append("<UserID><![CDATA[").append(userId).append("]]></UserID>")
                .append("<ExternalUserID><![CDATA[").append(externalUserId).append("]]></ExternalUserID>");
        extra.forEach((k, v) -> xml.append('<').append(k).append("><![CDATA[").append(v).append("]]></").append(k).append('>'));
        return xml.append("</xml>").toString();
    }

    /** Encrypts and signs a plaintext event now, as WeCom would post it. */
    public EncryptedCallback encrypt(String plainXml) {
        return encrypt(plainXml, Instant.now());
    }

    /** Encrypts and signs with a chosen timestamp (e.g. an old one, to test the replay window). */
    public EncryptedCallback encrypt(String plainXml, Instant at) {
        String encrypted = crypto.encrypt(randomString(16), plainXml);
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = randomString(10);
        String body = "<xml><ToUserName><![CDATA[" + crypto.corpId() + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>";
        return new EncryptedCallback(crypto.sign(timestamp, nonce, encrypted), timestamp, nonce, body, plainXml);
    }

    /** The GET that WeCom sends when the admin saves the callback URL; the app must answer the decrypted echostr. */
    public Map<String, String> urlVerification(String echo) {
        String encrypted = crypto.encrypt(randomString(16), echo);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = randomString(10);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("msg_signature", crypto.sign(timestamp, nonce, encrypted));
        params.put("timestamp", timestamp);
        params.put("nonce", nonce);
        params.put("echostr", encrypted);
        return params;
    }

    // ---- scenarios: change the fake corp, then build the event ---------------------------

    /** A new WeChat user scans a rep's channel QR (state = campaign code, may be null) and adds the rep. */
    public EncryptedCallback customerAddsRep(String userId, String channelState) {
        String externalUserId = "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        FakeWeComState.Contact c = new FakeWeComState.Contact(externalUserId, NAMES.get(random.nextInt(NAMES.size())));
        c.corpName = COMPANIES.get(random.nextInt(COMPANIES.size()));
        c.avatar = "https://wework.qpic.cn/wwhead/fake-" + externalUserId + "/0";
        c.gender = 1 + random.nextInt(2);
        c.unionId = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        state.putContact(c);
        return customerAddsRep(c, userId, channelState);
    }

    /** A known contact adds (another) rep. */
    public EncryptedCallback customerAddsRep(FakeWeComState.Contact contact, String userId, String channelState) {
        requireEmployee(userId);
        state.follow(contact, userId, 1, channelState);
        Map<String, String> extra = new LinkedHashMap<>();
        if (channelState != null) {
            extra.put("State", channelState);
        }
        extra.put("WelcomeCode", "WELCOME" + state.nextId());
        return encrypt(changeExternalContactXml("add_external_contact", userId, contact.externalUserId, extra,
                state.clock().instant().getEpochSecond()));
    }

    /** The customer deletes the rep from their WeChat (del_follow_user). */
    public EncryptedCallback customerDeletesRep(String externalUserId, String userId) {
        state.contact(externalUserId).ifPresent(c -> c.follows.remove(userId));
        return encrypt(changeExternalContactXml("del_follow_user", userId, externalUserId, Map.of(),
                state.clock().instant().getEpochSecond()));
    }

    /** The rep deletes the customer (del_external_contact). */
    public EncryptedCallback repDeletesCustomer(String externalUserId, String userId) {
        state.contact(externalUserId).ifPresent(c -> c.follows.remove(userId));
        return encrypt(changeExternalContactXml("del_external_contact", userId, externalUserId, Map.of(),
                state.clock().instant().getEpochSecond()));
    }

    /** The rep edits the contact's remark (edit_external_contact). */
    public EncryptedCallback repEditsContact(String externalUserId, String userId, String remark, String remarkMobile) {
        state.contact(externalUserId).map(c -> c.follows.get(userId)).ifPresent(f -> {
            f.remark = remark;
            if (remarkMobile != null) {
                f.remarkMobiles.clear();
                f.remarkMobiles.add(remarkMobile);
            }
        });
        return encrypt(changeExternalContactXml("edit_external_contact", userId, externalUserId, Map.of(),
                state.clock().instant().getEpochSecond()));
    }

    /** A customer transfer to another rep failed (transfer_fail): the customer refused. */
    public EncryptedCallback transferFailed(String externalUserId, String userId) {
        return encrypt(changeExternalContactXml("transfer_fail", userId, externalUserId,
                Map.of("FailReason", "customer_refused"), state.clock().instant().getEpochSecond()));
    }

    // ---- delivery ---------------------------------------------------------------------------

    /** Posts the callback to the app's callback URL and records what it answered. */
    public Delivery deliver(EncryptedCallback callback) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(appBaseUrl() + CALLBACK_PATH + "?" + callback.queryString()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(callback.body())).build();
        Delivery delivery;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            delivery = new Delivery(response.statusCode(), response.body());
        } catch (IOException e) {
            delivery = new Delivery(0, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery = new Delivery(0, "interrupted");
        }
        state.recordCallback(new FakeWeComState.Callback(field(callback.plainXml(), "ChangeType"), field(callback.plainXml(), "UserID"),
                field(callback.plainXml(), "ExternalUserID"), field(callback.plainXml(), "State"), delivery.status(), delivery.body(),
                Instant.now()));
        return delivery;
    }

    private String appBaseUrl() {
        if (appServer.isResolvable()) {
            URI uri = appServer.get().getLocalBaseUri();
            if (uri != null && uri.getPort() > 0) {
                return "http://127.0.0.1:" + uri.getPort();
            }
        }
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        return "http://127.0.0.1:" + port;
    }

    private void requireEmployee(String userId) {
        if (state.employee(userId).isEmpty()) {
            throw new IllegalArgumentException("Unknown employee userid " + userId);
        }
    }

    private static String field(String xml, String name) {
        int start = xml.indexOf("<" + name + "><![CDATA[");
        if (start < 0) {
            return null;
        }
        start += name.length() + 11;
        int end = xml.indexOf("]]>", start);
        return end < 0 ? null : xml.substring(start, end);
    }

    private String randomString(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
