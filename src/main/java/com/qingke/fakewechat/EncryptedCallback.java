package com.qingke.fakewechat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A callback exactly as WeCom posts it: query parameters msg_signature, timestamp, nonce and the XML body with the
 * Encrypt element. {@code plainXml} is what the app should read after decrypting, for assertions.
 */
public record EncryptedCallback(String msgSignature, String timestamp, String nonce, String body, String plainXml) {

    public String queryString() {
        return "msg_signature=" + enc(msgSignature) + "&timestamp=" + enc(timestamp) + "&nonce=" + enc(nonce);
    }

    public EncryptedCallback withSignature(String signature) {
        return new EncryptedCallback(signature, timestamp, nonce, body, plainXml);
    }

    public EncryptedCallback withBody(String otherBody) {
        return new EncryptedCallback(msgSignature, timestamp, nonce, otherBody, plainXml);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
