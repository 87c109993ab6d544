package com.qingke.lead;

import com.qingke.customer.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The first intent score of a lead (WF-01: "初步意向评分"), from what the arrival itself tells: the channel, a campaign,
 * a company name, a need in the person's words. The full analysis replaces it as soon as it runs.
 */
@ApplicationScoped
public class InitialIntentScore {
    private final LeadConfig.InitialScore points;

    InitialIntentScore(LeadConfig config) {
        this.points = config.initialScore();
    }

    public record Score(double score, String grade, List<String> reasons) {
    }

    public Score of(Channel channel, boolean campaign, boolean company, boolean need) {
        List<String> reasons = new ArrayList<>();
        int score = switch (channel) {
            case WEB_FORM -> points.webForm();
            case WECOM_QR -> points.wecom();
            case OA_QR -> points.officialAccount();
            case IMPORT -> points.imported();
            case MANUAL -> points.manual();
        };
        reasons.add(switch (channel) {
            case WEB_FORM -> "主动提交留资表单";
            case WECOM_QR -> "主动添加销售企业微信";
            case OA_QR -> "扫码关注公众号";
            case IMPORT -> "批量导入的客户";
            case MANUAL -> "销售手动录入";
        });
        if (campaign) {
            score += points.campaignBonus();
            reasons.add("来自营销活动渠道");
        }
        if (company) {
            score += points.companyBonus();
            reasons.add("留下了公司名称");
        }
        if (need) {
            score += points.needBonus();
            reasons.add("描述了具体需求");
        }
        double capped = Math.max(0, Math.min(100, score));
        String grade = capped >= points.gradeA() ? "A" : capped >= points.gradeB() ? "B" : "C";
        return new Score(capped, grade, List.copyOf(reasons));
    }
}
