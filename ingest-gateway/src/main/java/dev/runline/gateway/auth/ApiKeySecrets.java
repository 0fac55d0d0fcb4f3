package dev.runline.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API keys: {@code rl_} followed by 256 random bits (base64url). Only the SHA-256 of a key is stored; a
 * fast hash is enough because a key has far too much entropy to guess. The first characters (the
 * prefix) are kept in clear so that people can tell their keys apart.
 */
public final class ApiKeySecrets {

    public static final String SCHEME_PREFIX = "rl_";
    private static final int PREFIX_LENGTH = SCHEME_PREFIX.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    /** A key as created: the secret is shown once and never stored. */
    public record NewApiKey(String secret, String prefix, byte[] sha256) {
        @Override
        public String toString() {
            return "NewApiKey[prefix=" + prefix + "]";
        }
    }

    public static NewApiKey generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new NewApiKey(secret, secret.substring(0, PREFIX_LENGTH), sha256(secret));
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
