package com.qingke.sidebar;

import com.qingke.customer.LifecycleStage;
import java.time.Instant;

/** A customer in the demo bridge's "which chat is open" picker. */
public record CustomerPick(Long id, String name, String company, String intentGrade, LifecycleStage lifecycleStage,
                           String externalUserId, Instant lastActivityAt) {
}
