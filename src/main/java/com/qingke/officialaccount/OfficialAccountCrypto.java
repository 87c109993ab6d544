package com.qingke.officialaccount;

import com.qingke.platform.wechat.WeChatCallbackCrypto;
import me.chanjar.weixin.common.util.crypto.SHA1;

/**
 * The official account's callback signatures (plaintext mode) and safe-mode crypto, where the receive id after the
 * decrypted XML must be our appid.
 */
public class OfficialAccountCrypto extends WeChatCallbackCrypto {
    private final boolean canDecrypt;

    /** @param encodingAesKey null in plaintext mode */
    public OfficialAccountCrypto(String token, String encodingAesKey, String appId) {
        super(token, encodingAesKey == null ? "" : encodingAesKey, appId);
        this.canDecrypt = encodingAesKey != null && !encodingAesKey.isBlank();
        if (canDecrypt && (aesKey == null || aesKey.length != 32)) {
            throw new IllegalArgumentException("EncodingAESKey must be 43 characters (32 bytes in Base64)");
        }
    }

    public boolean canDecrypt() {
        return canDecrypt;
    }

    /** The plaintext-mode signature: SHA-1 of the sorted token, timestamp and nonce. */
    public String sign(String timestamp, String nonce) {
        return SHA1.gen(token, timestamp, nonce);
    }

    public void verify(String signature, String timestamp, String nonce) {
        if (isBlank(signature) || isBlank(timestamp) || isBlank(nonce)) {
            throw new Rejected("missing signature parameters");
        }
        if (!constantTimeEquals(sign(timestamp, nonce), signature)) {
            throw new Rejected("signature mismatch");
        }
    }

    /** Verifies msg_signature, then decrypts and checks the appid. */
    @Override
    public String open(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (!canDecrypt) {
            throw new Rejected("encrypted callback but no EncodingAESKey configured");
        }
        return super.open(msgSignature, timestamp, nonce, encrypted);
    }
}
