package com.qingke.wecom;

import com.qingke.inbox.Inbox;
import com.qingke.inbox.InboxSource;
import com.qingke.inbox.InboxUnavailableException;
import com.qingke.platform.ProblemException;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.wechat.SafeXml;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * WeCom's callback URL (接收事件服务器). Every request is verified (timestamp window, msg_signature, decryption with
 * our key and corp id) before anything is stored; a verified event is stored in the durable inbox and answered with
 * {@code success} at once, and processed later by {@link WeComEventHandler}. A redelivery is recognised by its
 * dedupe key and stored once.
 */
@Path("/wecom/callback")
@Tag(name = "企业微信回调 WeCom callback", description = "企业微信事件接收（URL 验证与加密事件）")
public class WeComCallbackResource {
    private static final Logger LOG = Logger.getLogger(WeComCallbackResource.class);

    private final CallbackCrypto crypto;
    private final WeComConfig config;
    private final Inbox inbox;
    private final Clock clock = Clock.systemUTC();

    WeComCallbackResource(WeComConfig config, QingkeConfig qingke, Inbox inbox) {
        this.crypto = new CallbackCrypto(config.callbackToken(), config.callbackAesKey(), qingke.corpId());
        this.config = config;
        this.inbox = inbox;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "回调 URL 验证", description = "企业微信保存回调配置时调用：校验签名并返回解密后的 echostr")
    public String verifyUrl(@QueryParam("msg_signature") String signature, @QueryParam("timestamp") String timestamp,
                            @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        requireFresh(timestamp);
        return open(signature, timestamp, nonce, echostr);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "接收企业微信事件", description = "验签解密后写入持久化收件箱，立即应答 success，随后异步处理")
    public String receive(@QueryParam("msg_signature") String signature, @QueryParam("timestamp") String timestamp,
                          @QueryParam("nonce") String nonce, byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("回调内容为空");
        }
        if (body.length > config.callbackMaxBytes()) {
            throw new ProblemException(413, "请求体过大", "回调内容超过 " + config.callbackMaxBytes() + " 字节");
        }
        requireFresh(timestamp);
        String encrypted = encryptElement(new String(body, StandardCharsets.UTF_8));
        String plain = open(signature, timestamp, nonce, encrypted);
        WxCpXmlMessage message = parse(plain);
        try {
            boolean stored = inbox.store(InboxSource.WECOM, dedupeKey(message, plain), messageType(message), plain);
            if (!stored) {
                LOG.debugf("WeCom redelivered %s; already stored", messageType(message));
            }
        } catch (InboxUnavailableException e) {
            LOG.error("WeCom callback could not be stored; answering 503 so WeCom retries", e);
            throw new ProblemException(503, "服务暂时不可用", "请稍后重试");
        } catch (IllegalArgumentException e) {
            throw new ProblemException(413, "请求体过大", "回调内容过大");
        }
        return "success";
    }

    /** WeCom retries with the same content; the same change of the same relation at the same second is one event. */
    static String dedupeKey(WxCpXmlMessage m, String plain) {
        String identity = "change_external_contact".equals(m.getEvent())
                ? String.join("|", m.getToUserName(), m.getEvent(), m.getChangeType(), String.valueOf(m.getExternalUserId()),
                String.valueOf(m.getUserId()), String.valueOf(m.getCreateTime()))
                : plain;
        return "cb:" + SafeXml.sha256(identity);
    }

    static String messageType(WxCpXmlMessage m) {
        String type = m.getEvent() == null ? String.valueOf(m.getMsgType())
                : m.getChangeType() == null ? m.getEvent() : m.getEvent() + ":" + m.getChangeType();
        return type.length() > 64 ? type.substring(0, 64) : type;
    }

    private void requireFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(403, "签名无效", "回调签名校验失败");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(config.callbackReplayWindow()) > 0) {
            LOG.warnf("WeCom callback refused: timestamp %s is outside the accepted window", timestamp);
            throw new ProblemException(403, "签名无效", "回调已过期");
        }
    }

    private String open(String signature, String timestamp, String nonce, String encrypted) {
        try {
            return crypto.open(signature, timestamp, nonce, encrypted);
        } catch (CallbackCrypto.Rejected e) {
            LOG.warnf("WeCom callback refused: %s", e.getMessage());
            throw new ProblemException(403, "签名无效", "回调签名校验失败");
        }
    }

    /** The Encrypt element of the outer XML, parsed with DTDs and external entities disabled. */
    private static String encryptElement(String xml) {
        try {
            Document doc = SafeXml.parse(xml);
            NodeList nodes = doc.getDocumentElement().getElementsByTagName("Encrypt");
            String value = nodes.getLength() == 1 ? nodes.item(0).getTextContent() : null;
            if (value == null || value.isBlank()) {
                throw ProblemException.badRequest("回调内容缺少 Encrypt");
            }
            return value.trim();
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.badRequest("回调内容不是有效的 XML");
        }
    }

    private static WxCpXmlMessage parse(String plain) {
        try {
            // Authenticated by now, but still parsed with DTDs refused before XStream sees it.
            requireWellFormed(plain);
            WxCpXmlMessage message = WxCpXmlMessage.fromXml(plain, null);
            if (message.getMsgType() == null || message.getToUserName() == null) {
                throw ProblemException.badRequest("回调事件缺少必要字段");
            }
            return message;
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("回调事件不是有效的 XML");
        }
    }

    private static void requireWellFormed(String plain) {
        try {
            SafeXml.parse(plain);
        } catch (Exception e) {
            throw ProblemException.badRequest("回调事件不是有效的 XML");
        }
    }


}
