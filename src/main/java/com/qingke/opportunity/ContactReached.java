package com.qingke.opportunity;

import jakarta.validation.constraints.NotNull;

/** Whether the rep has reached this person of the buyer's decision chain. */
public record ContactReached(@NotNull(message = "请说明是否已触达") Boolean reached) {
}
