package dev.runline.gateway.attachment;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import java.time.Instant;
import java.util.UUID;

/**
 * The query of a gateway file URL ({@code organization}, {@code expires}, {@code signature}), checked before
 * anything else is looked at: a URL that was altered, or has expired, is a 403 whatever it names.
 */
public record SignedUrl(UUID organizationId, long expires, String signature) {

    public static SignedUrl of(String organization, String expires, String signature) {
        try {
            long seconds = Long.parseLong(expires);
            Instant.ofEpochSecond(seconds);
            return new SignedUrl(UUID.fromString(organization), seconds, signature);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    void verify(UploadSigner signer, UploadSigner.Purpose purpose, UUID uploadId, Instant now) {
        Instant expiry = Instant.ofEpochSecond(expires);
        if (!signer.verify(purpose, uploadId, organizationId, expiry, signature)) {
            throw invalid();
        }
        if (now.isAfter(expiry)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This file URL expired at " + expiry + "; ask for a new one");
        }
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.FORBIDDEN,
                "This file URL is not valid: use it exactly as the gateway handed it out");
    }
}
