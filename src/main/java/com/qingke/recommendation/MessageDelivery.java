package com.qingke.recommendation;

/**
 * Sends a confirmed MESSAGE action without the chat sidebar, e.g. as a WeCom group-send task (add_msg_template) that
 * the rep approves in the WeCom client. Implemented by the WeCom integration; when no implementation is present the
 * group-send endpoint answers 503.
 */
public interface MessageDelivery {

    DeliveryResult deliver(DeliveryRequest request);
}
