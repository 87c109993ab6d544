package com.qingke.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A customer entered by hand by a rep. */
public record NewCustomer(
        @NotBlank(message = "请填写客户姓名") @Size(max = 64, message = "姓名不能超过64个字") String name,
        @MainlandMobile String phone,
        @Size(max = 128, message = "公司名称不能超过128个字") String company,
        @Size(max = 64, message = "职位不能超过64个字") String position,
        @Size(max = 20, message = "标签不能超过20个") List<@NotBlank @Size(max = 32) String> tags) {
}
