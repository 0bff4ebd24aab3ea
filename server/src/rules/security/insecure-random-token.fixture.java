package com.acme.auth;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.lang3.RandomStringUtils;

public class Tokens {
    private static final Random RANDOM = new Random();
    private static final SecureRandom SECURE = new SecureRandom();

    static String resetToken() {
        // ruleid: insecure-random-token
        return Long.toHexString(RANDOM.nextLong());
    }

    static String generatePassword() {
        // ruleid: insecure-random-token
        return RandomStringUtils.randomAlphanumeric(16);
    }

    static int verificationCode() {
        // ruleid: insecure-random-token
        return ThreadLocalRandom.current().nextInt(100000, 999999);
    }

    static byte[] sessionKey() {
        byte[] key = new byte[32];
        // ok: insecure-random-token
        SECURE.nextBytes(key);
        return key;
    }

    static long retryDelayMillis(int attempt) {
        // ok: insecure-random-token
        return (1L << attempt) * 100 + RANDOM.nextInt(100);
    }

    static <T> T pickReplica(java.util.List<T> replicas) {
        // ok: insecure-random-token
        return replicas.get(RANDOM.nextInt(replicas.size()));
    }
}
