package dev.runline.gateway.attachment;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The object store that holds attachments' bytes: any store with the S3 API.
 *
 * @param endpoint     the store's URL (unset: AWS S3 of {@code region}); e.g. {@code https://minio.example:9000}
 * @param bucket       where every upload goes, under {@code uploads/<organization>/<upload id>}
 * @param region       the region requests are signed for (S3-compatible stores mostly accept any)
 * @param accessKey    with {@code secretKey}: static credentials; unset: the AWS default chain (environment,
 *                     profile, instance or pod role)
 * @param pathStyle    {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: what most
 *                     self-hosted stores need
 * @param createBucket create the bucket at start-up when it is missing (turn off where the gateway's
 *                     credentials may not create buckets)
 */
@Validated
@ConfigurationProperties("runline.storage")
public record StorageProperties(
        URI endpoint,
        @DefaultValue("runline-attachments") @NotBlank String bucket,
        @DefaultValue("us-east-1") @NotBlank String region,
        String accessKey,
        String secretKey,
        @DefaultValue("true") boolean pathStyle,
        @DefaultValue("true") boolean createBucket) {

    @Override
    public String toString() {
        return "StorageProperties[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? null : "***")
                + ", pathStyle=" + pathStyle + ", createBucket=" + createBucket + "]";
    }
}
