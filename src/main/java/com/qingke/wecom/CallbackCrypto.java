package com.qingke.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.PKCS7Encoder;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeCom's callback crypto (msg_signature over sorted token/timestamp/nonce/Encrypt; AES-256-CBC with the key from the
 * EncodingAESKey), built on WxJava's {@link WxCryptUtil}. Two checks are stricter than WxJava 4.7.3.B: the signature
 * is compared in constant time, and the receiveid after the plaintext must be our corp id (WxJava drops it unread).
 * The fake WeCom server encrypts with the same class, so tests exercise exactly the production decryption.
 */
public class CallbackCrypto extends WxCryptUtil {

    /** A callback that failed verification; the answer is 4xx and nothing is stored. */
    public static class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason);
        }
    }

    public CallbackCrypto(String token, String encodingAesKey, String corpId) {
        super(token, encodingAesKey, corpId);
        if (aesKey == null || aesKey.length != 32) {
            throw new IllegalArgumentException("EncodingAESKey must be 43 characters (32 bytes in Base64)");
        }
    }

    public String corpId() {
        return appidOrCorpid;
    }

    /** The signature WeCom puts in msg_signature for these values. */
    public String sign(String timestamp, String nonce, String encrypted) {
        return SHA1.gen(token, timestamp, nonce, encrypted);
    }

    /** Verifies the signature, then decrypts; throws {@link Rejected} on any mismatch or malformed input. */
    public String open(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (isBlank(msgSignature) || isBlank(timestamp) || isBlank(nonce) || isBlank(encrypted)) {
            throw new Rejected("missing signature parameters");
        }
        byte[] expected = sign(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, msgSignature.getBytes(StandardCharsets.US_ASCII))) {
            throw new Rejected("msg_signature mismatch");
        }
        return decrypt(encrypted);
    }

    /** Decrypts Encrypt and checks the receiveid; WxJava's own decrypt would accept another corp's message. */
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
            throw new Rejected("receiveid is not our corp");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
