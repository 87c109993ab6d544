package com.qingke.wecom;

import com.qingke.recommendation.DeliveryRequest;
import com.qingke.recommendation.DeliveryResult;
import com.qingke.recommendation.MessageDelivery;
import com.qingke.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Delivers a confirmed message as a WeCom one-to-one group-send template (add_msg_template): it appears in the rep's
 * WeCom client and goes out with one tap. The tracked link travels as the link card.
 */
@ApplicationScoped
public class WeComMessageDelivery implements MessageDelivery {
    private final GroupSendGateway groupSend;

    WeComMessageDelivery(GroupSendGateway groupSend) {
        this.groupSend = groupSend;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        boolean noText = request.text() == null || request.text().isBlank();
        if (noText && request.link() == null) {
            throw ProblemException.badRequest("该推荐动作没有可发送的内容");
        }
        String text = noText ? request.link().title() : request.text();
        GroupSendGateway.Message message = request.link() == null
                ? GroupSendGateway.Message.text(text)
                : new GroupSendGateway.Message(text, request.link().title(), request.link().url(), request.link().description());
        GroupSendGateway.Created created = groupSend.send(request.customerId(), request.senderEmployeeId(), message,
                "employee:" + request.senderEmployeeId());
        return new DeliveryResult(true, created.msgId(), null);
    }
}
