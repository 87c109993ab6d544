package com.qingke.officialaccount;

/** The official-account platform refused or failed a call; the message carries its errcode, never a secret. */
public class OfficialAccountException extends RuntimeException {
    private final int errorCode;

    public OfficialAccountException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }
}
