package com.qingke.wecom;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.bean.WxJsapiSignature;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.WxCpAgentJsapiSignature;
import me.chanjar.weixin.cp.bean.WxCpDepart;
import me.chanjar.weixin.cp.bean.WxCpOauth2UserInfo;
import me.chanjar.weixin.cp.bean.WxCpUser;
import me.chanjar.weixin.cp.bean.external.WxCpContactWayInfo;
import me.chanjar.weixin.cp.bean.external.WxCpContactWayResult;
import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplate;
import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplateAddResult;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalTagGroupInfo;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalTagGroupList;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactInfo;
import me.chanjar.weixin.cp.bean.external.msg.Attachment;
import me.chanjar.weixin.cp.bean.external.msg.Link;
import me.chanjar.weixin.cp.bean.external.msg.Text;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * The one class around WxJava's WeCom client. WxJava itself refreshes the token once on 40014/42001 and retries;
 * this class turns error codes into {@link WeComException}s and backs off on the frequency limit (45009).
 */
@ApplicationScoped
@Timeout(15000)
@Retry(retryOn = WeComRateLimited.class, maxRetries = 3, delay = 500, jitter = 200)
@ExponentialBackoff(factor = 2, maxDelay = 8000)
public class WeComGateway {
    private static final Logger LOG = Logger.getLogger(WeComGateway.class);

    private final WxCpService cp;

    WeComGateway(WxCpService cp) {
        this.cp = cp;
    }

    /** A member of the corp as the directory describes them. */
    public record Member(String userId, String name, String department, boolean leader, String mobile) {
    }

    /** The two JS-SDK signatures the sidebar needs: wx.config (corp ticket) and wx.agentConfig (agent ticket). */
    public record JsSdkSignatures(String corpId, int agentId, Signature config, Signature agentConfig) {
    }

    public record Signature(long timestamp, String nonceStr, String signature) {
    }

    public record ContactWay(String configId, String qrCode) {
    }

    public record GroupSend(String msgId, List<String> failed) {
    }

    /** OAuth code → WeCom userid (auth/getuserinfo); null when the visitor is not a member of the corp. */
    public String userIdForCode(String code) {
        WxCpOauth2UserInfo info = call(() -> cp.getOauth2Service().getAuthUserInfo(code));
        return info.getUserId();
    }

    /** user/get (and department/get for the main department's name). */
    public Member member(String userId) {
        WxCpUser user = call(() -> cp.getUserService().getById(userId));
        boolean leader = user.getIsLeaderInDept() != null && List.of(user.getIsLeaderInDept()).contains(1);
        String department = null;
        Long main = user.getMainDepartment() != null ? Long.valueOf(user.getMainDepartment())
                : user.getDepartIds() != null && user.getDepartIds().length > 0 ? user.getDepartIds()[0] : null;
        if (main != null) {
            WxCpDepart depart = call(() -> cp.getDepartmentService().get(main));
            department = depart == null ? null : depart.getName();
        }
        return new Member(user.getUserId(), user.getName(), department, leader, user.getMobile());
    }

    public JsSdkSignatures jsSdk(String url) {
        WxJsapiSignature corp = call(() -> cp.createJsapiSignature(url));
        WxCpAgentJsapiSignature agent = call(() -> cp.createAgentJsapiSignature(url));
        return new JsSdkSignatures(cp.getWxCpConfigStorage().getCorpId(), cp.getWxCpConfigStorage().getAgentId(),
                new Signature(corp.getTimestamp(), corp.getNonceStr(), corp.getSignature()),
                new Signature(agent.getTimestamp(), agent.getNonceStr(), agent.getSignature()));
    }

    /** externalcontact/get; a contact that is no longer anyone's raises errcode 84061. */
    public WxCpExternalContactInfo externalContact(String externalUserId) {
        return call(() -> cp.getExternalContactService().getContactDetail(externalUserId, null));
    }

    /** Every corp tag by name → tag id (get_corp_tag_list). */
    public Map<String, String> corpTags() {
        WxCpUserExternalTagGroupList list = call(() -> cp.getExternalContactService().getCorpTagList(null));
        Map<String, String> byName = new LinkedHashMap<>();
        if (list.getTagGroupList() != null) {
            for (WxCpUserExternalTagGroupList.TagGroup group : list.getTagGroupList()) {
                if (group.getTag() != null) {
                    group.getTag().forEach(t -> byName.putIfAbsent(t.getName(), t.getId()));
                }
            }
        }
        return byName;
    }

    /** Creates a corp tag in the given group (add_corp_tag) and returns its id. */
    public String createCorpTag(String groupName, String name) {
        WxCpUserExternalTagGroupInfo.Tag tag = new WxCpUserExternalTagGroupInfo.Tag();
        tag.setName(name);
        WxCpUserExternalTagGroupInfo.TagGroup group = new WxCpUserExternalTagGroupInfo.TagGroup();
        group.setGroupName(groupName);
        group.setTag(List.of(tag));
        WxCpUserExternalTagGroupInfo request = new WxCpUserExternalTagGroupInfo();
        request.setTagGroup(group);
        WxCpUserExternalTagGroupInfo created = call(() -> cp.getExternalContactService().addCorpTag(request));
        return created.getTagGroup().getTag().get(0).getId();
    }

    /** mark_tag for one rep–contact relation. */
    public void markTag(String userId, String externalUserId, List<String> addTagIds, List<String> removeTagIds) {
        call(() -> cp.getExternalContactService().markTag(userId, externalUserId,
                addTagIds.toArray(String[]::new), removeTagIds.toArray(String[]::new)));
    }

    /** add_contact_way: a single-rep channel QR whose state comes back with every contact added through it. */
    public ContactWay addContactWay(String state, List<String> userIds, String remark) {
        WxCpContactWayInfo.ContactWay way = new WxCpContactWayInfo.ContactWay();
        way.setType(userIds.size() == 1 ? WxCpContactWayInfo.TYPE.SINGLE : WxCpContactWayInfo.TYPE.MULTI);
        way.setScene(WxCpContactWayInfo.SCENE.QRCODE);
        way.setState(state);
        way.setUsers(userIds);
        way.setRemark(remark);
        way.setSkipVerify(true);
        WxCpContactWayInfo info = new WxCpContactWayInfo();
        info.setContactWay(way);
        WxCpContactWayResult result = call(() -> cp.getExternalContactService().addContactWay(info));
        return new ContactWay(result.getConfigId(), result.getQrCode());
    }

    /**
     * add_msg_template: a one-to-one send the rep confirms in the WeCom client (客户群发), for when the sidebar's chat
     * is not open. Text and an optional link card.
     */
    public GroupSend addMsgTemplate(String senderUserId, String externalUserId, String text, String linkTitle, String linkUrl,
                                    String linkDescription) {
        WxCpMsgTemplate template = new WxCpMsgTemplate();
        template.setChatType("single");
        template.setSender(senderUserId);
        template.setExternalUserid(List.of(externalUserId));
        if (text != null && !text.isBlank()) {
            template.setText(new Text().setContent(text));
        }
        if (linkUrl != null) {
            template.setAttachments(List.of(new Attachment().setLink(new Link().setTitle(linkTitle).setUrl(linkUrl).setDesc(linkDescription))));
        }
        WxCpMsgTemplateAddResult result = call(() -> cp.getExternalContactService().addMsgTemplate(template));
        return new GroupSend(result.getMsgId(), result.getFailList() == null ? List.of() : List.copyOf(result.getFailList()));
    }

    /** WeCom's longest duplicate-check interval (4 hours). */
    static final int DUPLICATE_CHECK_SECONDS = 4 * 3600;

    /**
     * message/send: a text message from the app to employees (e.g. "a new lead is yours"). Returns the userids WeCom
     * could not deliver to (not members, or outside the app's visible range). WeCom's duplicate check is on, so a
     * retry of a message that did go out (the answer was lost) is not delivered twice within 4 hours.
     */
    public List<String> sendAppText(List<String> userIds, String content) {
        WxCpMessage message = WxCpMessage.TEXT().toUser(String.join("|", userIds)).content(content).build();
        message.setEnableDuplicateCheck(true);
        message.setDuplicateCheckInterval(DUPLICATE_CHECK_SECONDS);
        WxCpMessageSendResult result = call(() -> cp.getMessageService().send(message));
        String invalid = result.getInvalidUser();
        return invalid == null || invalid.isBlank() ? List.of() : List.of(invalid.split("\\|"));
    }

    @FunctionalInterface
    private interface WeComCall<T> {
        T run() throws WxErrorException;
    }

    private static <T> T call(WeComCall<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            String message = e.getError() == null ? e.getMessage() : e.getError().getErrorMsg();
            if (code == WeComException.FREQUENCY_LIMIT) {
                LOG.warn("WeCom frequency limit (45009); backing off");
                throw new WeComRateLimited(message);
            }
            if (code == WeComException.IP_NOT_ALLOWED) {
                LOG.error("WeCom refused this server's IP (60020): add it to the app's trusted IP list (企业可信IP)");
            }
            throw new WeComException(code, message);
        } catch (WxRuntimeException e) {
            throw new WeComException(-1, "WeCom unreachable: " + e.getMessage());
        }
    }
}
