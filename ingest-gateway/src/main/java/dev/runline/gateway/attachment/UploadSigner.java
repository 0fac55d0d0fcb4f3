package dev.runline.gateway.attachment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the gateway's upload and download URLs: an HMAC-SHA256 over what the URL may do (the
 * HTTP method), the upload, its organization and the expiry, so that a URL works without an API key for
 * that one upload, that one purpose and that long, and changing any part of it voids it.
 */
public final class UploadSigner {

    public enum Purpose { PUT, GET }

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public UploadSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The URL signing key must have at least 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String sign(Purpose purpose, UUID uploadId, UUID organizationId, Instant expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            String signed = purpose + "\n" + uploadId + "\n" + organizationId + "\n" + expires.getEpochSecond();
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** In constant time, so that a forger learns nothing from how long a refusal took. */
    public boolean verify(Purpose purpose, UUID uploadId, UUID organizationId, Instant expires, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(purpose, uploadId, organizationId, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
