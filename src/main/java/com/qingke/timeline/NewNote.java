package com.qingke.timeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A rep logs a note or a call on the customer's timeline.
 *
 * @param kind            NOTE or CALL
 * @param durationMinutes for a call, how long it took (optional)
 * @param requestId       a key the page makes per note, so a repeated submit (double tap, retry) records it once
 */
public record NewNote(
        @NotNull(message = "请选择记录类型") Kind kind,
        @NotBlank(message = "请填写内容") @Size(max = 1000, message = "内容不超过1000个字") String text,
        @PositiveOrZero(message = "通话时长不能为负") @Max(value = 600, message = "通话时长不超过600分钟") Integer durationMinutes,
        @Pattern(regexp = "[A-Za-z0-9_-]{8,64}", message = "requestId 无效") String requestId) {

    public enum Kind {
        NOTE, CALL
    }
}
