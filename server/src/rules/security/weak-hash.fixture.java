package com.acme.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.codec.digest.DigestUtils;

public class Hashes {
    static byte[] hashPassword(String password, byte[] salt) throws NoSuchAlgorithmException {
        // ruleid: weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        md.update(salt);
        return md.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    static String tokenDigest(String token) throws NoSuchAlgorithmException {
        // ruleid: weak-hash
        byte[] d = MessageDigest.getInstance("SHA-1").digest(token.getBytes(StandardCharsets.UTF_8));
        return new String(d, StandardCharsets.ISO_8859_1);
    }

    static String apiKeyHash(String apiKey) {
        // ruleid: weak-hash
        return DigestUtils.md5Hex(apiKey);
    }

    static String etag(byte[] body) {
        // ok: weak-hash
        return "\"" + DigestUtils.md5Hex(body) + "\"";
    }

    static byte[] fileChecksum(byte[] content) throws NoSuchAlgorithmException {
        // ok: weak-hash
        return MessageDigest.getInstance("MD5").digest(content);
    }

    static byte[] hashPasswordStrong(String password) throws NoSuchAlgorithmException {
        // ok: weak-hash
        return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
    }
}
