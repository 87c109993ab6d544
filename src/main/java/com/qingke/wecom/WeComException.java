package com.qingke.wecom;

/** WeCom answered with an error code (or could not be reached: code -1). The message never carries secrets. */
public class WeComException extends RuntimeException {
    public static final int NOT_EXTERNAL_CONTACT = 84061;
    public static final int FREQUENCY_LIMIT = 45009;
    public static final int IP_NOT_ALLOWED = 60020;

    private final int errcode;

    public WeComException(int errcode, String message) {
        super("WeCom errcode " + errcode + ": " + message);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }
}
