package com.qingke.recommendation;

import com.qingke.material.TrackedLinkView;
import com.qingke.task.TaskView;

/**
 * What confirming an action produced: for MESSAGE the final text to send and the tracked link for a news card
 * (the sidebar calls sendChatMessage, then reports back); for TASK the created task; for ALERT the follow-up task if any.
 */
public record ConfirmResult(ActionView action, String finalText, TrackedLinkView link, TaskView task) {
}
