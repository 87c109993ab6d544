package com.qingke.platform.wechat;

import me.chanjar.weixin.common.util.crypto.PKCS7Encoder;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The callback crypto WeCom and the official account share (msg_signature over the sorted token, timestamp, nonce and
 * Encrypt; AES-256-CBC with the key from the EncodingAESKey), built on WxJava's {@link WxCryptUtil}, which also
 * encrypts replies. Stricter than WxJava 4.7.3.B in two ways: signatures are compared in constant time, and the
 * receive id after the decrypted plaintext (corp id or appid) must be ours — WxJava drops it unread.
 */
public class WeChatCallbackCrypto extends WxCryptUtil {

    /** A callback that failed verification: answered 4xx, nothing stored. */
    public static class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason);
        }
    }

    protected WeChatCallbackCrypto(String token, String encodingAesKey, String receiveId) {
        super(token, encodingAesKey, receiveId);
    }

    /** The signature the platform puts in msg_signature for these values. */
    public String sign(String timestamp, String nonce, String encrypted) {
        return SHA1.gen(token, timestamp, nonce, encrypted);
    }

    /** Verifies msg_signature, then decrypts; throws {@link Rejected} on any mismatch or malformed input. */
    public String open(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (isBlank(msgSignature) || isBlank(timestamp) || isBlank(nonce) || isBlank(encrypted)) {
            throw new Rejected("missing signature parameters");
        }
        if (!constantTimeEquals(sign(timestamp, nonce, encrypted), msgSignature)) {
            throw new Rejected("msg_signature mismatch");
        }
        return decrypt(encrypted);
    }

    /** Decrypts Encrypt and checks that the receive id is ours. */
    @Override
    public String decrypt(String cipherText) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
            byte[] encrypted = Base64.getDecoder().decode(cipherText);
            if (encrypted.length == 0 || encrypted.length % 16 != 0) {
                throw new Rejected("ciphertext is not whole AES blocks");
            }
            plain = PKCS7Encoder.decode(cipher.doFinal(encrypted));
        } catch (Rejected e) {
            throw e;
        } catch (Exception e) {
            throw new Rejected("cannot decrypt");
        }
        if (plain.length < 20) {
            throw new Rejected("plaintext too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > plain.length) {
            throw new Rejected("bad plaintext length");
        }
        String receiveId = new String(plain, 20 + length, plain.length - 20 - length, StandardCharsets.UTF_8);
        if (!receiveId.equals(appidOrCorpid)) {
            throw new Rejected("receive id is not ours");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    protected static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    protected static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
