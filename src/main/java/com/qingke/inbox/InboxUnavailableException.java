package com.qingke.inbox;

/** The inbox could not store a message (database away): the sender must be told to retry. */
public class InboxUnavailableException extends RuntimeException {
    public InboxUnavailableException(Throwable cause) {
        super("Inbox unavailable: " + cause.getMessage(), cause);
    }
}
