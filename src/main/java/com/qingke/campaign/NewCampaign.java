package com.qingke.campaign;

import com.qingke.customer.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A campaign a manager starts.
 *
 * @param code       scene_str of the QR / channel parameter of the form; generated when empty
 * @param channel    OA_QR (default): an official-account parametric QR code; WEB_FORM: a link to the lead form
 * @param ownerId    the rep who gets the campaign's leads; round-robin when empty
 * @param permanent  OA_QR only: a permanent QR code instead of a temporary one
 * @param expireDays OA_QR only: lifetime of a temporary QR code (1–30 days; default from configuration)
 */
public record NewCampaign(
        @NotBlank(message = "请填写活动名称") @Size(max = 128, message = "活动名称不能超过128个字") String name,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,30}", message = "活动编码只能包含字母、数字、下划线和短横线，最多30个字符") String code,
        Channel channel,
        Long ownerId,
        boolean permanent,
        @Min(value = 1, message = "有效期至少1天") @Max(value = 30, message = "临时二维码最长有效30天") Integer expireDays) {
}
