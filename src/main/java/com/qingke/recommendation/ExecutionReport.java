package com.qingke.recommendation;

import jakarta.validation.constraints.Size;

/**
 * The sidebar's report after sendChatMessage: channel CHAT (default) or GROUP_SEND; failed=true keeps the action
 * confirmed so the rep can try again.
 */
public record ExecutionReport(Channel channel, boolean failed, @Size(max = 400, message = "说明不超过400个字") String detail) {

    public enum Channel { CHAT, GROUP_SEND }

    public Channel channelOrDefault() {
        return channel == null ? Channel.CHAT : channel;
    }
}
