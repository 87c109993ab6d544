package com.qingke.officialaccount;

import com.qingke.inbox.InboxMessage;
import com.qingke.inbox.InboxSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** The official account's server URL, driven with callbacks signed and encrypted the way WeChat does it. */
@QuarkusTest
class OfficialAccountCallbackTest {
    static final String PATH = "/official-account/callback";
    @Inject OfficialAccountConfig config;

    String token() {
        return config.token().orElseThrow();
    }

    String appId() {
        return config.appId().orElseThrow();
    }

    static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    static String nonce() {
        return UUID.randomUUID().toString().substring(0, 10);
    }

    static String subscribeXml(String account, String openid, String eventKey, long createTime) {
        return "<xml><ToUserName><![CDATA[" + account + "]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[subscribe]]></Event>"
                + (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey><Ticket><![CDATA[t-" + eventKey + "]]></Ticket>")
                + "</xml>";
    }

    OfficialAccountCrypto crypto() {
        return new OfficialAccountCrypto(token(), config.aesKey().orElseThrow(), appId());
    }

    Response postPlain(String xml, String signatureOverride) {
        String ts = now(), n = nonce();
        String signature = signatureOverride != null ? signatureOverride : crypto().sign(ts, n);
        return given().queryParam("signature", signature).queryParam("timestamp", ts).queryParam("nonce", n)
                .queryParam("openid", "x").contentType("text/xml").body(xml).post(PATH);
    }

    Response postEncrypted(String xml, WxCryptUtil encryptor, boolean tamper) {
        String ts = now(), n = nonce();
        String encrypted = encryptor.encrypt(UUID.randomUUID().toString().replace("-", "").substring(0, 16), xml);
        String body = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
        String msgSignature = crypto().sign(ts, n, encrypted);
        return given().queryParam("signature", crypto().sign(ts, n)).queryParam("timestamp", ts).queryParam("nonce", n)
                .queryParam("encrypt_type", "aes").queryParam("msg_signature", tamper ? msgSignature.replace('a', 'b').replace('0', '1') : msgSignature)
                .contentType("text/xml").body(body).post(PATH);
    }

    long stored(String openid, long createTime) {
        String key = CallbackXml.dedupeKey(WxMpXmlMessage.fromXml(subscribeXml("gh_test", openid, "qrscene_x", createTime)));
        return QuarkusTransaction.requiringNew().call(() -> InboxMessage.count("source = ?1 and dedupeKey = ?2", InboxSource.OFFICIAL_ACCOUNT, key));
    }

    @Test
    void urlVerificationEchoesOnlyForAValidSignature() {
        String ts = now(), n = nonce();
        given().queryParam("signature", crypto().sign(ts, n)).queryParam("timestamp", ts).queryParam("nonce", n)
                .queryParam("echostr", "echo-12345").get(PATH)
                .then().statusCode(200).body(is("echo-12345"));
        given().queryParam("signature", "0000000000000000000000000000000000000000").queryParam("timestamp", ts).queryParam("nonce", n)
                .queryParam("echostr", "echo-12345").get(PATH)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aSubscribeIsStoredOnceAndAnsweredWithTheWelcomeEvenWhenDeliveredTwice() {
        String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        long created = Instant.now().getEpochSecond();
        String xml = subscribeXml("gh_test", openid, "qrscene_x", created);

        String first = postPlain(xml, null).then().statusCode(200).extract().asString();
        String second = postPlain(xml, null).then().statusCode(200).extract().asString();

        WxMpXmlMessage reply = WxMpXmlMessage.fromXml(first);
        assertEquals(openid, reply.getToUser());
        assertEquals("gh_test", reply.getFromUser());
        assertEquals("text", reply.getMsgType());
        assertEquals(config.welcomeMessage(), reply.getContent());
        assertEquals(config.welcomeMessage(), WxMpXmlMessage.fromXml(second).getContent());
        assertEquals(1, stored(openid, created), "a redelivery is stored once");
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() {
        String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        long created = Instant.now().getEpochSecond();
        String xml = subscribeXml("gh_test", openid, "qrscene_x", created);
        String forged = new OfficialAccountCrypto("not-our-token", null, appId()).sign(now(), nonce());

        postPlain(xml, forged).then().statusCode(403).contentType("application/problem+json").body("title", is("签名无效"));

        assertEquals(0, stored(openid, created));
    }

    @Test
    void aStaleTimestampIsRefusedAsAReplay() {
        String ts = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond()), n = nonce();
        given().queryParam("signature", crypto().sign(ts, n)).queryParam("timestamp", ts).queryParam("nonce", n)
                .contentType("text/xml").body(subscribeXml("gh_test", "o-stale", null, 1L)).post(PATH)
                .then().statusCode(403);
    }

    @Test
    void safeModeIsDecryptedAndTheWelcomeComesBackEncrypted() {
        String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        long created = Instant.now().getEpochSecond();
        String xml = subscribeXml("gh_test", openid, "qrscene_x", created);
        WxCryptUtil wechat = new WxCryptUtil(token(), config.aesKey().orElseThrow(), appId());

        String answer = postEncrypted(xml, wechat, false).then().statusCode(200).extract().asString();

        assertFalse(answer.contains(config.welcomeMessage()), "the reply is encrypted");
        String encrypt = CallbackXml.element(answer, "Encrypt");
        String msgSignature = CallbackXml.element(answer, "MsgSignature");
        String ts = CallbackXml.element(answer, "TimeStamp");
        String n = CallbackXml.element(answer, "Nonce");
        String plain = crypto().open(msgSignature, ts, n, encrypt);
        assertEquals(config.welcomeMessage(), WxMpXmlMessage.fromXml(plain).getContent());
        assertEquals(1, stored(openid, created));
    }

    @Test
    void safeModeRefusesATamperedSignatureOrAnotherAccountsMessage() {
        String openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        long created = Instant.now().getEpochSecond();
        String xml = subscribeXml("gh_test", openid, "qrscene_x", created);

        postEncrypted(xml, new WxCryptUtil(token(), config.aesKey().orElseThrow(), appId()), true).then().statusCode(403);
        postEncrypted(xml, new WxCryptUtil(token(), config.aesKey().orElseThrow(), "wxsomeoneelse00001"), false).then().statusCode(403);

        assertEquals(0, stored(openid, created));
    }

    @Test
    void otherEventsAreAcknowledgedWithSuccess() {
        String xml = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[o-click-" + nonce() + "]]></FromUserName>"
                + "<CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event>"
                + "<EventKey><![CDATA[PRICE]]></EventKey></xml>";
        postPlain(xml, null).then().statusCode(200).body(is("success"));
    }

    @Test
    void welcomeReplyIsATextMessage() {
        String xml = WelcomeReply.xml("gh_a", "o_b", "你好", Instant.ofEpochSecond(1700000000L));
        assertTrue(xml.contains("<Content><![CDATA[你好]]></Content>"), xml);
        assertEquals(WxMpXmlOutTextMessage.class, WxMpXmlOutTextMessage.class);
    }
}
