package dev.runline.gateway.attachment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Uploads and attachments (contract §9).
 *
 * @param signingKey        base64 HMAC key of the gateway's upload and download URLs (at least 32 bytes). Every
 *                          gateway instance behind one address needs the same key; unset, each instance makes
 *                          its own at start-up, so its URLs work on it alone and die with it
 * @param publicUrl         the gateway's address as stations reach it, for the URLs it hands out (unset: the
 *                          scheme, host and port of the request that asked for the URL)
 * @param storeUrls         hand out presigned URLs of the object store itself instead of the gateway's: stations
 *                          must reach the store, and the gateway no longer sees a PUT (single use and the size
 *                          limit are then checked only when the upload is finalized, synced or imported)
 * @param urlTtl            how long an upload URL may be used
 * @param downloadUrlTtl    how long a download URL may be used
 * @param maxFileSize       largest file (413 above it; the official clients refuse more than 10 MB themselves)
 * @param maxFilesPerRun    files one run may have, its import's report and inlined attachments included
 * @param unlinkedRetention uploads never linked to a run are deleted, bytes and all, this long after they began
 * @param cleanupInterval   how often that clean-up runs
 * @param putIdleTimeout    a PUT that sends nothing for this long is abandoned (400) and its upload can be sent again
 * @param linkTopic         where links of uploads to runs are published for the processor
 */
@Validated
@ConfigurationProperties("runline.gateway.uploads")
public record UploadProperties(
        String signingKey,
        URI publicUrl,
        @DefaultValue("false") boolean storeUrls,
        @DefaultValue("1h") Duration urlTtl,
        @DefaultValue("1h") Duration downloadUrlTtl,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("100") @Positive int maxFilesPerRun,
        @DefaultValue("24h") Duration unlinkedRetention,
        @DefaultValue("5m") Duration cleanupInterval,
        @DefaultValue("30s") Duration putIdleTimeout,
        @DefaultValue("runline.attachments") @NotBlank String linkTopic) {

    @Override
    public String toString() {
        return "UploadProperties[signingKey=" + (signingKey == null ? null : "***") + ", publicUrl=" + publicUrl
                + ", storeUrls=" + storeUrls + ", urlTtl=" + urlTtl + ", maxFileSize=" + maxFileSize
                + ", maxFilesPerRun=" + maxFilesPerRun + ", unlinkedRetention=" + unlinkedRetention + "]";
    }
}
