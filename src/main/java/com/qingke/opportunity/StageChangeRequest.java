package com.qingke.opportunity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Move an opportunity to another stage; losing it needs a reason. */
public record StageChangeRequest(
        @NotNull(message = "请选择阶段") Stage stage,
        @Size(max = 255, message = "原因不超过255个字") String reason) {
}
