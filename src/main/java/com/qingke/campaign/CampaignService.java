package com.qingke.campaign;

import com.qingke.customer.Channel;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.officialaccount.OfficialAccountConfig;
import com.qingke.officialaccount.OfficialAccountException;
import com.qingke.officialaccount.OfficialAccountGateway;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Campaigns (lead channels) with their official-account parametric QR codes or form links, and how many leads each
 * brought. WeCom channel codes (渠道活码) are created by {@code com.qingke.wecom.ChannelCodeService} and listed here too.
 */
@ApplicationScoped
public class CampaignService {
    private static final Logger LOG = Logger.getLogger(CampaignService.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final OfficialAccountGateway officialAccount;
    private final OfficialAccountConfig officialAccountConfig;
    private final QingkeConfig qingke;
    private final CurrentUser user;
    private final Audit audit;
    private final EntityManager em;
    private final SecureRandom random = new SecureRandom();

    CampaignService(OfficialAccountGateway officialAccount, OfficialAccountConfig officialAccountConfig, QingkeConfig qingke,
                    CurrentUser user, Audit audit, EntityManager em) {
        this.officialAccount = officialAccount;
        this.officialAccountConfig = officialAccountConfig;
        this.qingke = qingke;
        this.user = user;
        this.audit = audit;
        this.em = em;
    }

    /**
     * Creates the campaign; for OA_QR the QR code is created at WeChat first (outside the transaction: a slow WeChat
     * must not hold database locks), then the campaign is stored with it.
     */
    public CampaignView create(NewCampaign input) {
        user.requireManager();
        String corpId = user.corpId();
        Channel channel = input.channel() == null ? Channel.OA_QR : input.channel();
        if (channel == Channel.WECOM_QR) {
            throw ProblemException.badRequest("企业微信渠道活码请在 /api/wecom/channel-codes 创建");
        }
        if (channel != Channel.OA_QR && channel != Channel.WEB_FORM) {
            throw ProblemException.badRequest("活动渠道只能是公众号二维码（OA_QR）或网页表单（WEB_FORM）");
        }
        String code = input.code() == null || input.code().isBlank() ? generatedCode() : input.code().trim();
        QuarkusTransaction.requiringNew().run(() -> {
            if (Campaign.findByCode(corpId, code).isPresent()) {
                throw ProblemException.conflict("活动编码 " + code + " 已被使用");
            }
            if (input.ownerId() != null) {
                Employee owner = Employee.findById(input.ownerId());
                if (owner == null || !owner.corpId.equals(corpId) || !owner.active) {
                    throw ProblemException.badRequest("负责人 " + input.ownerId() + " 不是在职员工");
                }
            }
        });
        OfficialAccountGateway.QrCode qr = null;
        if (channel == Channel.OA_QR) {
            if (!officialAccountConfig.enabled()) {
                throw ProblemException.badRequest("尚未配置公众号，无法生成带参数二维码");
            }
            Duration lifetime = input.permanent() ? null
                    : input.expireDays() != null ? Duration.ofDays(input.expireDays()) : officialAccountConfig.temporaryQrLifetime();
            try {
                qr = officialAccount.createQr(code, lifetime);
            } catch (OfficialAccountException e) {
                LOG.warnf("Campaign %s: QR code not created: %s", code, e.getMessage());
                throw new ProblemException(502, "公众号接口调用失败", "生成二维码失败（错误码 " + e.errorCode() + "），请稍后重试");
            }
        }
        OfficialAccountGateway.QrCode created = qr;
        String actor = user.actor();
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = new Campaign();
            c.corpId = corpId;
            c.code = code;
            c.name = input.name().trim();
            c.channel = channel;
            c.ownerId = input.ownerId();
            c.permanent = channel == Channel.OA_QR && input.permanent();
            if (created != null) {
                c.qrTicket = created.ticket();
                c.qrUrl = created.pictureUrl();
                c.expiresAt = created.expiresAt();
            }
            c.persist();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("code", code);
            detail.put("channel", channel.name());
            detail.put("permanent", c.permanent);
            audit.record(corpId, actor, "CAMPAIGN_CREATED", "campaign", c.id, detail);
            return view(c, c.ownerId == null ? null : Employee.findById(c.ownerId), 0);
        });
    }

    /** Every campaign of the corp, newest first, with its lead count (customers it brought first). */
    @Transactional
    public List<CampaignView> list() {
        user.requireManager();
        String corpId = user.corpId();
        Map<Long, Long> leads = new HashMap<>();
        for (Object[] row : em.createQuery("select c.campaignId, count(c) from Customer c where c.corpId = :corp "
                        + "and c.campaignId is not null and c.status = :active group by c.campaignId", Object[].class)
                .setParameter("corp", corpId).setParameter("active", CustomerStatus.ACTIVE).getResultList()) {
            leads.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, Employee> owners = new HashMap<>();
        Employee.<Employee>list("corpId", corpId).forEach(e -> owners.put(e.id, e));
        return Campaign.<Campaign>list("corpId = ?1 order by createdAt desc, id desc", corpId).stream()
                .map(c -> view(c, c.ownerId == null ? null : owners.get(c.ownerId), leads.getOrDefault(c.id, 0L))).toList();
    }

    private CampaignView view(Campaign c, Employee owner, long leadCount) {
        String formUrl = c.channel == Channel.WEB_FORM
                ? qingke.publicUrl() + "/lead-form?channel=" + URLEncoder.encode(c.code, StandardCharsets.UTF_8) : null;
        boolean expired = c.expiresAt != null && c.expiresAt.isBefore(Instant.now());
        return new CampaignView(c.id, c.code, c.name, c.channel, c.ownerId, owner == null ? null : owner.name, c.permanent,
                c.qrUrl, formUrl, c.expiresAt, expired, leadCount, c.createdAt);
    }

    private String generatedCode() {
        StringBuilder sb = new StringBuilder("oa-");
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
