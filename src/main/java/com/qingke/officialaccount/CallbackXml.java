package com.qingke.officialaccount;

import com.qingke.platform.ProblemException;
import com.qingke.platform.wechat.SafeXml;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reading callback XML safely (no DTDs, no external entities) and naming what it is. */
final class CallbackXml {

    private CallbackXml() {
    }

    /** One element's text, e.g. Encrypt of a safe-mode body. */
    static String element(String xml, String name) {
        try {
            Document doc = SafeXml.parse(xml);
            NodeList nodes = doc.getDocumentElement().getElementsByTagName(name);
            String value = nodes.getLength() == 1 ? nodes.item(0).getTextContent() : null;
            if (value == null || value.isBlank()) {
                throw ProblemException.badRequest("回调内容缺少 " + name);
            }
            return value.trim();
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.badRequest("回调内容不是有效的 XML");
        }
    }

    /** Parses the (authenticated) message, refusing DTDs before XStream sees it. */
    static WxMpXmlMessage parse(String plain) {
        try {
            SafeXml.parse(plain);
            WxMpXmlMessage message = WxMpXmlMessage.fromXml(plain);
            if (message.getMsgType() == null || message.getFromUser() == null || message.getToUser() == null) {
                throw ProblemException.badRequest("回调消息缺少必要字段");
            }
            return message;
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.badRequest("回调消息不是有效的 XML");
        }
    }

    /**
     * WeChat retries with the same content: an event is identified by (FromUserName, CreateTime, Event, EventKey), a
     * message by its MsgId.
     */
    static String dedupeKey(WxMpXmlMessage m) {
        String identity = m.getMsgId() != null
                ? String.join("|", m.getFromUser(), "msg", String.valueOf(m.getMsgId()))
                : String.join("|", m.getFromUser(), String.valueOf(m.getCreateTime()), String.valueOf(m.getEvent()),
                String.valueOf(m.getEventKey()));
        return "oa:" + SafeXml.sha256(identity);
    }

    /** "subscribe", "scan", "click", "view", "unsubscribe" for events; the message type otherwise. */
    static String messageType(WxMpXmlMessage m) {
        String type = "event".equalsIgnoreCase(m.getMsgType()) && m.getEvent() != null ? m.getEvent() : m.getMsgType();
        type = type.toLowerCase(Locale.ROOT);
        return type.length() > 64 ? type.substring(0, 64) : type;
    }


}
