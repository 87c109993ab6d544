package com.qingke.demo;

import com.qingke.opportunity.Stage;
import java.time.Instant;

/** One row of an opportunity's stage history; the first has {@code fromStage == null}. */
public record DemoStageChange(Stage fromStage, Stage toStage, String changedBy, Instant changedAt) {
}
