package com.qingke.wecom;

import com.qingke.inbox.InboxHandler;
import com.qingke.inbox.InboxMessage;
import com.qingke.inbox.InboxSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactInfo;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import org.jboss.logging.Logger;

/**
 * Processes stored WeCom customer-contact events (change_external_contact) inside the inbox worker's transaction.
 * Other WeCom events are stored and left unhandled (the inbox marks them IGNORED). Throwing makes the inbox retry.
 */
@ApplicationScoped
public class WeComEventHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(WeComEventHandler.class);
    static final String PREFIX = "change_external_contact:";
    static final Set<String> HANDLED = Set.of("add_external_contact", "edit_external_contact", "del_external_contact",
            "del_follow_user", "transfer_fail");

    private final WeComGateway wecom;
    private final WeComContactSync sync;

    WeComEventHandler(WeComGateway wecom, WeComContactSync sync) {
        this.wecom = wecom;
        this.sync = sync;
    }

    @Override
    public boolean handles(InboxSource source, String messageType) {
        return source == InboxSource.WECOM && messageType != null && messageType.startsWith(PREFIX)
                && HANDLED.contains(messageType.substring(PREFIX.length()));
    }

    @Override
    public void handle(InboxMessage message) {
        WxCpXmlMessage event = WxCpXmlMessage.fromXml(message.payload, null);
        String externalUserId = event.getExternalUserId();
        String userId = event.getUserId();
        Instant at = event.getCreateTime() == null ? message.receivedAt : Instant.ofEpochSecond(event.getCreateTime());
        switch (event.getChangeType()) {
            case "add_external_contact" -> contact(externalUserId).ifPresent(info -> sync.linkOrCreate(info, userId, blankToNull(event.getState())));
            case "edit_external_contact" -> contact(externalUserId).ifPresent(info -> sync.linkOrCreate(info, null, null));
            case "del_external_contact" -> sync.repDeletedCustomer(externalUserId, userId, "DELETE_BY_TRANSFER".equals(event.getSource()), at);
            case "del_follow_user" -> sync.customerDeletedRep(externalUserId, userId, at);
            case "transfer_fail" -> sync.transferFailed(externalUserId, userId, event.getFailReason());
            default -> LOG.debugf("WeCom change type %s not handled", event.getChangeType());
        }
    }

    /** The contact's current details; empty when WeCom says it is no longer an external contact (nothing to do). */
    private Optional<WxCpExternalContactInfo> contact(String externalUserId) {
        try {
            return Optional.of(wecom.externalContact(externalUserId));
        } catch (WeComException e) {
            if (e.errcode() == WeComException.NOT_EXTERNAL_CONTACT) {
                LOG.infof("External contact %s is gone from WeCom; event skipped", externalUserId);
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
