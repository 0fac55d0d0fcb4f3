package dev.runline.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * API keys: {@code rl_}, 256 random bits (43 base64url characters), then a 6-character checksum (the CRC32 of
 * everything before it, base64url): 52 characters, a plain bearer token. Only the SHA-256 of a key is
 * stored; a fast hash is enough because a key has far too much entropy to guess. The first characters (the
 * prefix) are kept in clear so that people can tell their keys apart.
 * <p>
 * The checksum lets the gateway refuse a made-up or mistyped key without a database lookup: a random string
 * passes it about once in 2^36 tries. It is no secret (anyone can compute a CRC); a client that forges
 * checksums is still bounded by the per-address limit on failed authentications.
 * <p>
 * Keys minted before the checksum are {@code rl_} and 43 characters, nothing after (46 in all): the length
 * tells the two formats apart, since no checksummed key has 46 characters. They keep working, at the cost of
 * a lookup, unless {@code runline.gateway.auth.accept-unchecksummed-keys} is false.
 */
public final class ApiKeySecrets {

    public static final String SCHEME_PREFIX = "rl_";
    private static final int PREFIX_LENGTH = SCHEME_PREFIX.length() + 8;
    private static final int RANDOM_CHARS = 43;
    private static final int CHECKSUM_CHARS = 6;
    /** A key minted before the checksum: scheme prefix and random part only. */
    static final int UNCHECKSUMMED_LENGTH = SCHEME_PREFIX.length() + RANDOM_CHARS;
    static final int CHECKSUMMED_LENGTH = UNCHECKSUMMED_LENGTH + CHECKSUM_CHARS;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** What a token's shape says before any lookup. */
    public enum Format {
        /** Current format, checksum correct: worth a lookup. */
        CHECKSUMMED,
        /** Minted before the checksum: can only be told from a made-up key by a lookup. */
        UNCHECKSUMMED,
        /** Wrong length, alphabet or checksum: no key was ever minted like this. */
        MALFORMED
    }

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
        String body = SCHEME_PREFIX + ENCODER.encodeToString(random);
        String secret = body + checksum(body);
        return new NewApiKey(secret, secret.substring(0, PREFIX_LENGTH), sha256(secret));
    }

    /** Pure and allocation-light: this runs for every request, before anything else about the key. */
    public static Format formatOf(String token) {
        if (!token.startsWith(SCHEME_PREFIX) || !base64url(token, SCHEME_PREFIX.length())) {
            return Format.MALFORMED;
        }
        if (token.length() == UNCHECKSUMMED_LENGTH) {
            return Format.UNCHECKSUMMED;
        }
        if (token.length() == CHECKSUMMED_LENGTH
                && token.endsWith(checksum(token.substring(0, UNCHECKSUMMED_LENGTH)))) {
            return Format.CHECKSUMMED;
        }
        return Format.MALFORMED;
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** CRC32 of {@code body} in 36 bits (the top 4 zero), 6 bits per base64url character, most significant first. */
    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] chars = new char[CHECKSUM_CHARS];
        for (int i = 0; i < CHECKSUM_CHARS; i++) {
            chars[i] = ALPHABET.charAt((int) (value >>> (6 * (CHECKSUM_CHARS - 1 - i))) & 63);
        }
        return new String(chars);
    }

    private static boolean base64url(String token, int from) {
        for (int i = from; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
