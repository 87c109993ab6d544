package com.qingke.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public record TagsUpdate(@NotNull(message = "请提供标签列表") @Size(max = 20, message = "标签不能超过20个") List<@NotBlank @Size(max = 32) String> tags) {
}
