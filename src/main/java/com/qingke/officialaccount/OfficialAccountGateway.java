package com.qingke.officialaccount;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The one class around WxJava's official-account client. WxJava refreshes the access token once on 40001/42001 and
 * retries; this class turns error codes into {@link OfficialAccountException}s and backs off on 45009.
 */
@ApplicationScoped
@Timeout(15000)
@Retry(retryOn = OfficialAccountRateLimited.class, maxRetries = 3, delay = 500, jitter = 200)
@ExponentialBackoff(factor = 2, maxDelay = 8000)
public class OfficialAccountGateway {
    /** WeChat's limit for a temporary QR code. */
    public static final Duration MAX_TEMPORARY_QR = Duration.ofDays(30);

    private final WxMpService mp;

    OfficialAccountGateway(WxMpService mp) {
        this.mp = mp;
    }

    /** A follower as user/info describes them; unionid only when the account is bound to an Open Platform account. */
    public record Follower(String openid, String unionid, String nickname, String avatarUrl, boolean subscribed, String qrSceneStr) {
    }

    /** A parametric QR code: the ticket, the picture URL (showqrcode), the encoded content, and when it expires. */
    public record QrCode(String ticket, String pictureUrl, String content, Instant expiresAt) {
    }

    public Follower follower(String openid) {
        WxMpUser user = call(() -> mp.getUserService().userInfo(openid));
        return new Follower(openid, blankToNull(user.getUnionId()), blankToNull(user.getNickname()), blankToNull(user.getHeadImgUrl()),
                Boolean.TRUE.equals(user.getSubscribe()), blankToNull(user.getQrSceneStr()));
    }

    /** A QR code for the scene: temporary for the given lifetime (at most 30 days), permanent when lifetime is null. */
    public QrCode createQr(String sceneStr, Duration lifetime) {
        WxMpQrCodeTicket ticket = lifetime == null
                ? call(() -> mp.getQrcodeService().qrCodeCreateLastTicket(sceneStr))
                : call(() -> mp.getQrcodeService().qrCodeCreateTmpTicket(sceneStr, (int) Math.min(lifetime.toSeconds(), MAX_TEMPORARY_QR.toSeconds())));
        String picture = call(() -> mp.getQrcodeService().qrCodePictureUrl(ticket.getTicket()));
        Instant expires = lifetime == null || ticket.getExpireSeconds() <= 0 ? null : Instant.now().plusSeconds(ticket.getExpireSeconds());
        return new QrCode(ticket.getTicket(), picture, ticket.getUrl(), expires);
    }

    interface WxCall<T> {
        T run() throws WxErrorException;
    }

    private static <T> T call(WxCall<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            String message = "official account errcode " + code + ": " + (e.getError() == null ? e.getMessage() : e.getError().getErrorMsg());
            if (code == 45009) {
                throw new OfficialAccountRateLimited(message, e);
            }
            throw new OfficialAccountException(code, message, e);
        } catch (WxRuntimeException e) {
            throw new OfficialAccountException(-1, "official account unreachable: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
