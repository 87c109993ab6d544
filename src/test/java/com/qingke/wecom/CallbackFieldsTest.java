package com.qingke.wecom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.qingke.platform.ProblemException;
import com.qingke.platform.wechat.SafeXml;
import java.util.List;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement path reads an event's name and type from its own DOM parse instead of WxJava's XStream
 * binding; the dedupe key and message type must come out exactly as WxJava's fields gave them, or a redelivery of
 * an event stored before the change would be stored a second time.
 */
class CallbackFieldsTest {
    private static final List<String> EVENTS = List.of(
            "<xml><ToUserName><![CDATA[ww-corp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1764633600</CreateTime>"
                    + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>"
                    + "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangwei]]></UserID>"
                    + "<ExternalUserID><![CDATA[wmAbc123]]></ExternalUserID><State><![CDATA[c-2026]]></State>"
                    + "<WelcomeCode><![CDATA[WELCOME1]]></WelcomeCode></xml>",
            // no ExternalUserID: String.valueOf(null) is part of the key
            "<xml><ToUserName><![CDATA[ww-corp]]></ToUserName><CreateTime>1764633601</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                    + "<Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[transfer_fail]]></ChangeType>"
                    + "<UserID><![CDATA[lina]]></UserID><FailReason><![CDATA[customer_refused]]></FailReason></xml>",
            "<xml><ToUserName><![CDATA[ww-corp]]></ToUserName><FromUserName><![CDATA[zhangwei]]></FromUserName><CreateTime>1764633602</CreateTime>"
                    + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><AgentID>1000002</AgentID></xml>",
            "<xml><ToUserName><![CDATA[ww-corp]]></ToUserName><FromUserName><![CDATA[zhangwei]]></FromUserName><CreateTime>1764633603</CreateTime>"
                    + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[客户问报价]]></Content><MsgId>7000000000000000001</MsgId>"
                    + "<AgentID>1000002</AgentID></xml>",
            // plain text values instead of CDATA, and a nested element whose children must not be taken for the event's
            "<xml>\n  <ToUserName>ww-corp</ToUserName>\n  <CreateTime>1764633604</CreateTime>\n  <MsgType>event</MsgType>\n"
                    + "  <Event>change_external_chat</Event>\n  <ChangeType>update</ChangeType>\n"
                    + "  <ChatId>wrChat1</ChatId>\n  <MemChangeList><Item>wmX</Item></MemChangeList>\n</xml>");

    @Test
    void dedupeKeyAndTypeAreWhatWxJavasFieldsGave() {
        for (String xml : EVENTS) {
            WxCpXmlMessage wx = WxCpXmlMessage.fromXml(xml, null);
            WeComCallbackResource.Fields fields = WeComCallbackResource.parse(xml);
            assertEquals(wxDedupeKey(wx, xml), WeComCallbackResource.dedupeKey(fields, xml), xml);
            assertEquals(wxMessageType(wx), WeComCallbackResource.messageType(fields), xml);
        }
    }

    @Test
    void theEventsOwnFieldsAreReadNotThoseOfNestedElements() {
        WeComCallbackResource.Fields fields = WeComCallbackResource.parse(
                "<xml><ToUserName>ww-corp</ToUserName><MsgType>event</MsgType><Batch><UserID>inner</UserID></Batch></xml>");
        assertNull(fields.userId());
        assertEquals("event", fields.msgType());
    }

    @Test
    void aDtdAMissingTypeOrABadCreateTimeIsRefused() {
        assertEquals(400, assertThrows(ProblemException.class, () -> WeComCallbackResource.parse(
                "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>&e;</ToUserName><MsgType>text</MsgType></xml>"))
                .status());
        assertEquals(400, assertThrows(ProblemException.class, () -> WeComCallbackResource.parse(
                "<xml><ToUserName>ww-corp</ToUserName></xml>")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> WeComCallbackResource.parse(
                "<xml><ToUserName>ww-corp</ToUserName><MsgType>text</MsgType><CreateTime>soon</CreateTime></xml>"))
                .status());
    }

    @Test
    void theParserThatRefusedADtdStillParsesTheNextDocument() throws Exception {
        // builders are reused per thread: a refused document must leave nothing behind
        assertThrows(Exception.class, () -> SafeXml.parse("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"));
        assertThrows(Exception.class, () -> SafeXml.parse("<x><y></x>"));
        assertEquals("ok", SafeXml.parse("<x><y>ok</y></x>").getDocumentElement().getTextContent());
        assertThrows(Exception.class, () -> SafeXml.parse("<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>"));
    }

    // what the resource computed from WxJava's binding before it read the fields itself
    private static String wxDedupeKey(WxCpXmlMessage m, String plain) {
        String identity = "change_external_contact".equals(m.getEvent())
                ? String.join("|", m.getToUserName(), m.getEvent(), m.getChangeType(), String.valueOf(m.getExternalUserId()),
                String.valueOf(m.getUserId()), String.valueOf(m.getCreateTime()))
                : plain;
        return "cb:" + SafeXml.sha256(identity);
    }

    private static String wxMessageType(WxCpXmlMessage m) {
        String type = m.getEvent() == null ? String.valueOf(m.getMsgType())
                : m.getChangeType() == null ? m.getEvent() : m.getEvent() + ":" + m.getChangeType();
        return type.length() > 64 ? type.substring(0, 64) : type;
    }
}
