package com.qingke.officialaccount;

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
 * The official account's callback signatures and safe-mode crypto, on WxJava's {@link WxCryptUtil} (which also
 * encrypts our passive replies). Stricter than WxJava 4.7.3.B in two ways: signatures are compared in constant time,
 * and the appid after the decrypted XML must be ours (WxJava drops it unread).
 */
public class OfficialAccountCrypto extends WxCryptUtil {

    /** A callback that failed verification: answered 403, nothing stored. */
    public static class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason);
        }
    }

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

    /** The safe-mode signature over the Encrypt element as well. */
    public String sign(String timestamp, String nonce, String encrypted) {
        return SHA1.gen(token, timestamp, nonce, encrypted);
    }

    public void verify(String signature, String timestamp, String nonce) {
        requirePresent(signature, timestamp, nonce);
        if (!equal(sign(timestamp, nonce), signature)) {
            throw new Rejected("signature mismatch");
        }
    }

    /** Verifies msg_signature, then decrypts and checks the appid. */
    public String open(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (!canDecrypt) {
            throw new Rejected("encrypted callback but no EncodingAESKey configured");
        }
        requirePresent(msgSignature, timestamp, nonce);
        if (encrypted == null || encrypted.isBlank() || !equal(sign(timestamp, nonce, encrypted), msgSignature)) {
            throw new Rejected("msg_signature mismatch");
        }
        return decrypt(encrypted);
    }

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
        String appId = new String(plain, 20 + length, plain.length - 20 - length, StandardCharsets.UTF_8);
        if (!appId.equals(appidOrCorpid)) {
            throw new Rejected("appid is not ours");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    private static void requirePresent(String signature, String timestamp, String nonce) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank() || nonce == null || nonce.isBlank()) {
            throw new Rejected("missing signature parameters");
        }
    }

    private static boolean equal(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }
}
