package com.qingke.wecom;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Channel QR codes (渠道活码): one WeCom contact way per campaign and rep, whose {@code state} is the campaign code,
 * so every contact added through it is attributed to the campaign (WF-01).
 */
@ApplicationScoped
public class ChannelCodeService {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final WeComGateway wecom;
    private final CurrentUser user;
    private final Audit audit;
    private final SecureRandom random = new SecureRandom();

    ChannelCodeService(WeComGateway wecom, CurrentUser user, Audit audit) {
        this.wecom = wecom;
        this.user = user;
        this.audit = audit;
    }

    public record NewChannelCode(String name, String code, Long employeeId) {
    }

    public record ChannelCode(Long id, String code, String name, Long ownerId, String ownerName, String configId, String qrUrl,
                              long leadCount) {
    }

    /** WeCom's "UserID不存在": the member left or was never in the app's directory. */
    static final int USER_NOT_IN_DIRECTORY = 60111;

    @Transactional
    public ChannelCode create(NewChannelCode input) {
        Long ownerId = input.employeeId() == null ? user.employeeId() : input.employeeId();
        if (!ownerId.equals(user.employeeId()) && !user.isManager()) {
            throw ProblemException.forbidden();
        }
        Employee owner = Employee.findById(ownerId);
        if (owner == null || !owner.corpId.equals(user.corpId()) || !owner.active) {
            throw ProblemException.notFound("员工", ownerId);
        }
        String code = input.code() == null || input.code().isBlank() ? generatedCode() : input.code().trim();
        if (Campaign.findByCode(user.corpId(), code).isPresent()) {
            throw ProblemException.conflict("渠道编码 " + code + " 已被使用");
        }
        WeComGateway.ContactWay way;
        try {
            way = wecom.addContactWay(code, List.of(owner.wecomUserId), input.name());
        } catch (WeComException e) {
            if (e.errcode() == USER_NOT_IN_DIRECTORY) {
                throw ProblemException.conflict("企业微信通讯录中没有员工 " + owner.name + "（可能已离职），无法为其创建活码");
            }
            throw e;
        }
        Campaign c = new Campaign();
        c.corpId = user.corpId();
        c.code = code;
        c.name = input.name().trim();
        c.channel = Channel.WECOM_QR;
        c.ownerId = owner.id;
        c.wecomConfigId = way.configId();
        c.qrUrl = way.qrCode();
        c.permanent = true;
        c.persist();
        Map<String, Object> detail = new HashMap<>();
        detail.put("code", code);
        detail.put("config_id", way.configId());
        detail.put("owner", owner.wecomUserId);
        audit.record(c.corpId, user.actor(), "CHANNEL_CODE_CREATED", "campaign", c.id, detail);
        return view(c, owner, 0);
    }

    /** The signed-in rep's channel codes (a manager sees the team's), each with how many leads it brought. */
    @Transactional
    public List<ChannelCode> list() {
        List<Campaign> campaigns = user.isManager()
                ? Campaign.list("corpId = ?1 and channel = ?2 order by createdAt desc", user.corpId(), Channel.WECOM_QR)
                : Campaign.list("corpId = ?1 and channel = ?2 and ownerId = ?3 order by createdAt desc", user.corpId(), Channel.WECOM_QR,
                user.employeeId());
        return campaigns.stream().map(c -> view(c, c.ownerId == null ? null : Employee.findById(c.ownerId),
                Customer.count("campaignId = ?1 and status <> ?2", c.id, CustomerStatus.DELETED))).toList();
    }

    private static ChannelCode view(Campaign c, Employee owner, long leads) {
        return new ChannelCode(c.id, c.code, c.name, c.ownerId, owner == null ? null : owner.name, c.wecomConfigId, c.qrUrl, leads);
    }

    private String generatedCode() {
        StringBuilder sb = new StringBuilder("wq-");
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
