package com.qingke.fakewechat;

import com.qingke.officialaccount.OfficialAccountConfig;
import com.qingke.officialaccount.OfficialAccountCrypto;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * WeChat's side of the official account's server URL: builds events signed (and in safe mode encrypted) with the
 * account's Token and EncodingAESKey, as the account's admin would have configured them, and posts them to the app.
 * The scenario methods first change the fake account's state (a new follower, their unionid, the QR scene), so the
 * app's follow-up user/info sees what WeChat would show.
 */
@ApplicationScoped
public class FakeOfficialAccountCallbacks {
    public static final String CALLBACK_PATH = "/official-account/callback";
    /** The account's original id (gh_…), the ToUserName of every event. */
    public static final String ACCOUNT = "gh_qingkefake0001";

    private final FakeOfficialAccountState state;
    private final OfficialAccountConfig account;
    private final Instance<HttpServer> appServer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();

    FakeOfficialAccountCallbacks(FakeOfficialAccountState state, OfficialAccountConfig account, Instance<HttpServer> appServer) {
        this.state = state;
        this.account = account;
        this.appServer = appServer;
    }

    /** What the app answered. */
    public record Delivery(int status, String body) {
    }

    /** An event as WeChat posts it: the query string (signatures) and the body, plus the plaintext for assertions. */
    public record Callback(String query, String body, String plainXml) {
    }

    // ---- scenarios ------------------------------------------------------------------------

    /** A new WeChat user with a unionid (the account is bound to Open Platform), not yet following. */
    public FakeOfficialAccountState.Follower newUser() {
        String openid = "o" + randomString(27);
        return state.putFollower(new FakeOfficialAccountState.Follower(openid, "u" + randomString(27)));
    }

    /** A known WeChat user (e.g. one who will also add a rep on WeCom with the same unionid). */
    public FakeOfficialAccountState.Follower user(String openid, String unionid) {
        return state.follower(openid).orElseGet(() -> state.putFollower(new FakeOfficialAccountState.Follower(openid, unionid)));
    }

    /** The user follows the account, through a parametric QR (scene) or not (scene null). */
    public String subscribe(FakeOfficialAccountState.Follower f, String scene) {
        long now = state.clock().instant().getEpochSecond();
        f.subscribed = true;
        f.subscribeTime = now;
        f.subscribeScene = scene == null ? "ADD_SCENE_SEARCH" : "ADD_SCENE_QR_CODE";
        f.qrSceneStr = scene == null ? "" : scene;
        return eventXml(f.openid, now, "subscribe", scene == null ? null : "qrscene_" + scene, scene == null ? null : ticketFor(scene));
    }

    /** A follower scans a parametric QR again (SCAN carries the bare scene). */
    public String scan(FakeOfficialAccountState.Follower f, String scene) {
        return eventXml(f.openid, state.clock().instant().getEpochSecond(), "SCAN", scene, ticketFor(scene));
    }

    public String click(FakeOfficialAccountState.Follower f, String menuKey) {
        return eventXml(f.openid, state.clock().instant().getEpochSecond(), "CLICK", menuKey, null);
    }

    public String view(FakeOfficialAccountState.Follower f, String url) {
        return eventXml(f.openid, state.clock().instant().getEpochSecond(), "VIEW", url, null);
    }

    public String unsubscribe(FakeOfficialAccountState.Follower f) {
        f.subscribed = false;
        return eventXml(f.openid, state.clock().instant().getEpochSecond(), "unsubscribe", null, null);
    }

    public String eventXml(String openid, long createTime, String event, String eventKey, String ticket) {
        StringBuilder xml = new StringBuilder("<xml><ToUserName><![CDATA[").append(ACCOUNT).append("]]></ToUserName>")
                .append("<FromUserName><![CDATA[").append(openid).append("]]></FromUserName>")
                .append("<CreateTime>").append(createTime).append("</CreateTime>")
                .append("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[").append(event).append("]]></Event>");
        if (eventKey != null) {
            xml.append("<EventKey><![CDATA[").append(eventKey).append("]]></EventKey>");
        }
        if (ticket != null) {
            xml.append("<Ticket><![CDATA[").append(ticket).append("]]></Ticket>");
        }
        return xml.append("</xml>").toString();
    }

    // ---- signing ------------------------------------------------------------------------------

    /** Plaintext mode: the XML as is, with signature over token, timestamp and nonce. */
    public Callback plain(String xml) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = randomString(10);
        String openid = field(xml, "FromUserName");
        String query = "signature=" + crypto().sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + enc(openid);
        return new Callback(query, xml, xml);
    }

    /** Safe mode: the XML encrypted into Encrypt, with signature and msg_signature. */
    public Callback encrypted(String xml) {
        OfficialAccountCrypto crypto = crypto();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = randomString(10);
        String encrypted = crypto.encrypt(randomString(16), xml);
        String body = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
        String query = "signature=" + crypto.sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + enc(field(xml, "FromUserName")) + "&encrypt_type=aes&msg_signature=" + crypto.sign(timestamp, nonce, encrypted);
        return new Callback(query, body, xml);
    }

    /** Posts in safe mode when the account has an EncodingAESKey, in plaintext otherwise. */
    public Delivery deliver(String xml) {
        return deliver(account.aesKey().isPresent() ? encrypted(xml) : plain(xml));
    }

    public Delivery deliver(Callback callback) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(appBaseUrl() + CALLBACK_PATH + "?" + callback.query()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(callback.body())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Delivery(0, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(0, "interrupted");
        }
    }

    private OfficialAccountCrypto crypto() {
        return new OfficialAccountCrypto(account.token().orElse(""), account.aesKey().orElse(null), account.appId().orElse(""));
    }

    private String ticketFor(String scene) {
        var codes = state.qrCodesFor(scene);
        return codes.isEmpty() ? "gQfake" + UUID.randomUUID().toString().replace("-", "") : codes.get(codes.size() - 1).ticket();
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

    private static String field(String xml, String name) {
        int start = xml.indexOf("<" + name + "><![CDATA[");
        if (start < 0) {
            return "";
        }
        start += name.length() + 11;
        int end = xml.indexOf("]]>", start);
        return end < 0 ? "" : xml.substring(start, end);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String randomString(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
