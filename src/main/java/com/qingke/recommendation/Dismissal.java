package com.qingke.recommendation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the rep does not want this action. */
public record Dismissal(@NotBlank(message = "请填写忽略原因") @Size(max = 255, message = "原因不超过255个字") String reason) {
}
