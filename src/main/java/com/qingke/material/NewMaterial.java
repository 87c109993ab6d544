package com.qingke.material;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A material to add to the library; content is any http(s) URL or a path on this server. */
public record NewMaterial(
        @NotNull(message = "请选择资料类型") MaterialKind kind,
        @NotBlank(message = "请填写资料标题") @Size(max = 128, message = "标题不超过128个字") String title,
        @Size(max = 512, message = "简介不超过512个字") String description,
        @NotBlank(message = "请填写资料地址") @Size(max = 512)
        @Pattern(regexp = "^(https?://|/).*", message = "资料地址须以 http(s):// 或 / 开头") String contentUrl,
        @Size(max = 512) @Pattern(regexp = "^(https?://|/).*", message = "封面地址须以 http(s):// 或 / 开头") String coverUrl) {
}
