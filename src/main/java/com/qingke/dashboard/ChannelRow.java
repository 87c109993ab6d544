package com.qingke.dashboard;

import java.math.BigDecimal;

/** Lead channel performance: leads of the period from one channel and campaign (QR code, form), and what became of them. */
public record ChannelRow(String channel, String channelLabel, Long campaignId, String campaignName, long leads,
                         long withOpportunity, long won, BigDecimal wonAmount) {

    public Double opportunityRate() {
        return Fmt.ratio(withOpportunity, leads);
    }

    public Double wonRate() {
        return Fmt.ratio(won, leads);
    }

    public String opportunityRateText() {
        return Fmt.pct(opportunityRate());
    }

    public String wonRateText() {
        return Fmt.pct(wonRate());
    }

    public String wonAmountText() {
        return Fmt.money(wonAmount);
    }

    static String label(String channel) {
        if (channel == null) {
            return "未知";
        }
        return switch (channel) {
            case "OA_QR" -> "公众号二维码";
            case "WECOM_QR" -> "企业微信渠道活码";
            case "WEB_FORM" -> "留资表单";
            case "IMPORT" -> "导入";
            case "MANUAL" -> "手工录入";
            default -> channel;
        };
    }
}
