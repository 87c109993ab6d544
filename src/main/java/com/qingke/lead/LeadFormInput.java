package com.qingke.lead;

import com.qingke.customer.MainlandMobile;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a visitor typed into the lead form. */
public record LeadFormInput(
        @NotBlank(message = "请填写您的姓名") @Size(max = 32, message = "姓名不能超过32个字") String name,
        @NotBlank(message = "请填写手机号") @MainlandMobile(message = "请输入正确的11位手机号") String phone,
        @Size(max = 128, message = "公司名称不能超过128个字") String company,
        @Size(max = 500, message = "需求描述不能超过500个字") String need,
        @AssertTrue(message = "请阅读并勾选同意《个人信息处理说明》后再提交") boolean consent,
        @Size(max = 30, message = "渠道参数过长") String channel) {

    static LeadFormInput empty(String channel) {
        return new LeadFormInput("", "", "", "", false, channel);
    }
}
