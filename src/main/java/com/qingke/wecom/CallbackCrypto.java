package com.qingke.wecom;

import com.qingke.platform.wechat.WeChatCallbackCrypto;

/**
 * WeCom's callback crypto: the receive id after the plaintext must be our corp id. The fake WeCom server encrypts
 * with the same class, so tests exercise exactly the production decryption.
 */
public class CallbackCrypto extends WeChatCallbackCrypto {

    public CallbackCrypto(String token, String encodingAesKey, String corpId) {
        super(token, encodingAesKey, corpId);
        if (aesKey == null || aesKey.length != 32) {
            throw new IllegalArgumentException("EncodingAESKey must be 43 characters (32 bytes in Base64)");
        }
    }

    public String corpId() {
        return appidOrCorpid;
    }
}
