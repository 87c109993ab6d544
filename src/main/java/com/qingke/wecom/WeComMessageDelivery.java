package com.qingke.wecom;

import com.qingke.platform.ProblemException;
import com.qingke.recommendation.DeliveryRequest;
import com.qingke.recommendation.DeliveryResult;
import com.qingke.recommendation.MessageDelivery;
import jakarta.enterprise.context.ApplicationScoped;

/** Confirmed recommended messages that cannot go through the open chat become WeCom group-send tasks. */
@ApplicationScoped
public class WeComMessageDelivery implements MessageDelivery {
    private final GroupSendGateway groupSend;

    WeComMessageDelivery(GroupSendGateway groupSend) {
        this.groupSend = groupSend;
    }

    @Override
    public DeliveryResult deliver(DeliveryRequest request) {
        GroupSendGateway.Message message = request.link() == null
                ? GroupSendGateway.Message.text(request.text())
                : new GroupSendGateway.Message(request.text(), request.link().title(), request.link().url(), request.link().description());
        try {
            GroupSendGateway.Created created = groupSend.send(request.customerId(), request.senderEmployeeId(), message,
                    "employee:" + request.senderEmployeeId());
            return new DeliveryResult(true, created.msgId(), null);
        } catch (ProblemException e) {
            return new DeliveryResult(false, null, e.getMessage());
        }
    }
}
