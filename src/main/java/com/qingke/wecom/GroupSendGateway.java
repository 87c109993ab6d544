package com.qingke.wecom;

import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/**
 * The fallback route for a confirmed message when the chat is not open in the sidebar: a one-to-one group-send
 * template (add_msg_template) that appears in the rep's WeCom client, where the rep sends it with one tap.
 */
@ApplicationScoped
public class GroupSendGateway {
    private final WeComGateway wecom;
    private final Audit audit;

    GroupSendGateway(WeComGateway wecom, Audit audit) {
        this.wecom = wecom;
        this.audit = audit;
    }

    /** A message to one customer: text, optionally with a link card (e.g. a tracked material link). */
    public record Message(String text, String linkTitle, String linkUrl, String linkDescription) {
        public static Message text(String text) {
            return new Message(text, null, null, null);
        }
    }

    /** What WeCom accepted: its msgid, to be confirmed by the rep in the client. */
    public record Created(String msgId) {
    }

    /**
     * Creates the pending send from the rep to the customer and audits it.
     *
     * @throws ProblemException 409 when the customer has no WeCom contact or the rep is not among its followers
     */
    @Transactional
    public Created send(Long customerId, Long senderEmployeeId, Message message, String actor) {
        Employee sender = Employee.findById(senderEmployeeId);
        IdentityLink link = IdentityLink.<IdentityLink>find("customerId = ?1 and kind = ?2 order by id", customerId, IdentityKind.EXTERNAL_USERID)
                .firstResultOptional().orElseThrow(() -> ProblemException.conflict("该客户还没有企业微信联系人，无法群发"));
        if (sender == null) {
            throw ProblemException.notFound("员工", senderEmployeeId);
        }
        WeComGateway.GroupSend result;
        try {
            result = wecom.addMsgTemplate(sender.wecomUserId, link.value, message.text(), message.linkTitle(), message.linkUrl(),
                    message.linkDescription());
        } catch (WeComException e) {
            throw ProblemException.conflict("企业微信未接受群发：" + e.getMessage());
        }
        if (result.failed().contains(link.value)) {
            throw ProblemException.conflict("该客户不是发送人的企业微信客户，无法群发");
        }
        Map<String, Object> detail = new HashMap<>();
        detail.put("msgid", result.msgId());
        detail.put("sender", sender.wecomUserId);
        detail.put("text", message.text());
        if (message.linkUrl() != null) {
            detail.put("link", message.linkUrl());
        }
        audit.record(sender.corpId, actor, "WECOM_GROUP_SEND_CREATED", "customer", customerId, detail);
        return new Created(result.msgId());
    }
}
