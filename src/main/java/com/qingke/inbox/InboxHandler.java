package com.qingke.inbox;

/**
 * Processes one kind of stored inbound message. Runs inside the transaction that marks the message done, so the
 * effects and the "done" mark commit together: a crash re-delivers the message, never half of it. Throw to retry.
 */
public interface InboxHandler {

    boolean handles(InboxSource source, String messageType);

    void handle(InboxMessage message);
}
