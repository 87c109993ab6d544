package com.qingke.wecom;

import com.qingke.inbox.Inbox;
import com.qingke.inbox.InboxSource;
import com.qingke.inbox.InboxUnavailableException;
import com.qingke.platform.ProblemException;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.wechat.CallbackTimestamps;
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
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
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
        Fields message = parse(plain);
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

    /**
     * The top-level fields of a decrypted event that name and classify it, as WxJava's {@code WxCpXmlMessage} reads
     * them (the handler parses the whole message later, off the acknowledgement path); null when absent.
     */
    record Fields(String toUserName, String msgType, String event, String changeType, String externalUserId,
                  String userId, Long createTime) {

        static Fields of(Document doc) {
            Map<String, String> values = new HashMap<>();
            for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    values.putIfAbsent(n.getNodeName(), n.getTextContent());
                }
            }
            String created = values.get("CreateTime");
            return new Fields(values.get("ToUserName"), values.get("MsgType"), values.get("Event"), values.get("ChangeType"),
                    values.get("ExternalUserID"), values.get("UserID"), created == null ? null : Long.valueOf(created.trim()));
        }
    }

    /** WeCom retries with the same content; the same change of the same relation at the same second is one event. */
    static String dedupeKey(Fields m, String plain) {
        String identity = "change_external_contact".equals(m.event())
                ? String.join("|", m.toUserName(), m.event(), m.changeType(), String.valueOf(m.externalUserId()),
                String.valueOf(m.userId()), String.valueOf(m.createTime()))
                : plain;
        return "cb:" + SafeXml.sha256(identity);
    }

    static String messageType(Fields m) {
        String type = m.event() == null ? String.valueOf(m.msgType())
                : m.changeType() == null ? m.event() : m.event() + ":" + m.changeType();
        return type.length() > 64 ? type.substring(0, 64) : type;
    }

    private void requireFresh(String timestamp) {
        CallbackTimestamps.requireFresh(timestamp, config.callbackReplayWindow(), clock.instant(), "WeCom");
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

    /**
     * The event's fields, read from one parse with DTDs refused (authenticated by now, but still untrusted input);
     * XStream, which the handler uses, is kept off the acknowledgement path.
     */
    static Fields parse(String plain) {
        Fields message;
        try {
            message = Fields.of(SafeXml.parse(plain));
        } catch (Exception e) {
            throw ProblemException.badRequest("回调事件不是有效的 XML");
        }
        if (message.msgType() == null || message.toUserName() == null) {
            throw ProblemException.badRequest("回调事件缺少必要字段");
        }
        return message;
    }
}
