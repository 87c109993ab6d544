package com.qingke.officialaccount;

import com.qingke.inbox.Inbox;
import com.qingke.inbox.InboxSource;
import com.qingke.inbox.InboxUnavailableException;
import com.qingke.platform.ProblemException;
import com.qingke.platform.wechat.CallbackTimestamps;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The official account's server URL (服务器地址). Every request is verified (timestamp window, signature, and in safe
 * mode msg_signature, decryption and our appid) before anything is stored; a verified message is stored in the
 * durable inbox and answered at once — with the passive welcome reply for a new follower, built from configuration
 * only — and processed later by {@link OfficialAccountEventHandler}. A redelivery is recognised by its dedupe key,
 * stored once, and answered the same way.
 */
@Path("/official-account/callback")
@Tag(name = "公众号回调 Official account callback", description = "公众号服务器配置：URL 验证与消息事件接收（明文/安全模式）")
public class OfficialAccountCallbackResource {
    private static final Logger LOG = Logger.getLogger(OfficialAccountCallbackResource.class);
    static final String SUCCESS = "success";

    private final OfficialAccountConfig config;
    private final OfficialAccountCrypto crypto;
    private final Inbox inbox;
    private final Clock clock = Clock.systemUTC();

    OfficialAccountCallbackResource(OfficialAccountConfig config, Inbox inbox) {
        this.config = config;
        this.crypto = new OfficialAccountCrypto(config.token().orElse(""), config.aesKey().orElse(null), config.appId().orElse(""));
        this.inbox = inbox;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "服务器 URL 验证", description = "公众号后台保存服务器配置时调用：校验 signature 后原样返回 echostr")
    public String verifyUrl(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
                            @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        requireEnabled();
        requireFresh(timestamp);
        verify(() -> crypto.verify(signature, timestamp, nonce));
        if (echostr == null || echostr.isBlank()) {
            throw ProblemException.badRequest("缺少 echostr");
        }
        return echostr;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "接收公众号消息与事件", description = "验签（安全模式解密）后写入持久化收件箱并立即应答；关注事件被动回复欢迎语")
    public String receive(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
                          @QueryParam("nonce") String nonce, @QueryParam("encrypt_type") String encryptType,
                          @QueryParam("msg_signature") String msgSignature, byte[] body) {
        requireEnabled();
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("回调内容为空");
        }
        if (body.length > config.callbackMaxBytes()) {
            throw new ProblemException(413, "请求体过大", "回调内容超过 " + config.callbackMaxBytes() + " 字节");
        }
        requireFresh(timestamp);
        verify(() -> crypto.verify(signature, timestamp, nonce));
        boolean encrypted = "aes".equalsIgnoreCase(encryptType);
        if (!encrypted && config.requireEncryption()) {
            LOG.warn("Official-account callback refused: plaintext while safe mode is required");
            throw new ProblemException(403, "签名无效", "仅接受安全模式的加密消息");
        }
        String xml = new String(body, StandardCharsets.UTF_8);
        String plain = encrypted ? verify(() -> crypto.open(msgSignature, timestamp, nonce, CallbackXml.element(xml, "Encrypt"))) : xml;
        WxMpXmlMessage message = CallbackXml.parse(plain);
        try {
            boolean stored = inbox.store(InboxSource.OFFICIAL_ACCOUNT, CallbackXml.dedupeKey(message), CallbackXml.messageType(message), plain);
            if (!stored) {
                LOG.debugf("Official account redelivered %s; already stored", CallbackXml.messageType(message));
            }
        } catch (InboxUnavailableException e) {
            LOG.error("Official-account callback could not be stored; answering 503 so WeChat retries", e);
            throw new ProblemException(503, "服务暂时不可用", "请稍后重试");
        } catch (IllegalArgumentException e) {
            throw new ProblemException(413, "请求体过大", "回调内容过大");
        }
        return reply(message, encrypted);
    }

    /** The welcome for a new follower, from configuration alone; anything else is acknowledged with "success". */
    private String reply(WxMpXmlMessage message, boolean encrypted) {
        if (!"event".equalsIgnoreCase(message.getMsgType()) || !"subscribe".equalsIgnoreCase(message.getEvent())
                || config.welcomeMessage().isBlank()) {
            return SUCCESS;
        }
        String xml = WelcomeReply.xml(message.getToUser(), message.getFromUser(), config.welcomeMessage(), clock.instant());
        return encrypted ? crypto.encrypt(xml) : xml;
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw ProblemException.notFound("公众号", "（未配置）");
        }
    }

    private void requireFresh(String timestamp) {
        CallbackTimestamps.requireFresh(timestamp, config.callbackReplayWindow(), clock.instant(), "Official-account");
    }

    private static <T> T verify(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (OfficialAccountCrypto.Rejected e) {
            LOG.warnf("Official-account callback refused: %s", e.getMessage());
            throw new ProblemException(403, "签名无效", "回调签名校验失败");
        }
    }

    private static void verify(Runnable check) {
        verify(() -> {
            check.run();
            return null;
        });
    }
}
