package com.qingke.officialaccount;

import java.time.Instant;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** The passive text reply (被动回复) WeChat shows a new follower. */
final class WelcomeReply {
    private WelcomeReply() {
    }

    /** @param account the official account (ToUserName of the event), @param follower the follower's openid */
    static String xml(String account, String follower, String text, Instant now) {
        WxMpXmlOutMessage out = WxMpXmlOutMessage.TEXT().content(text).fromUser(account).toUser(follower).build();
        out.setCreateTime(now.getEpochSecond());
        return out.toXml();
    }
}
