package dev.runline.gateway.attachment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@Configuration(proxyBeanMethods = false)
class ObjectStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ObjectStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    S3Client s3Client(StorageProperties storage) {
        var builder = S3Client.builder()
                .region(Region.of(storage.region()))
                .credentialsProvider(credentials(storage))
                // Self-hosted stores (MinIO, Ceph, S3Proxy) serve buckets as paths, not as host names.
                .forcePathStyle(storage.pathStyle())
                // The SDK's default since 2.30 adds CRC checksums with aws-chunked bodies on every PUT, which
                // several S3-compatible stores refuse; Content-MD5-free signed PUTs work everywhere.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (storage.endpoint() != null) {
            builder.endpointOverride(storage.endpoint());
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(StorageProperties storage) {
        var builder = S3Presigner.builder()
                .region(Region.of(storage.region()))
                .credentialsProvider(credentials(storage))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(storage.pathStyle()).build());
        if (storage.endpoint() != null) {
            builder.endpointOverride(storage.endpoint());
        }
        return builder.build();
    }

    @Bean
    ObjectStore objectStore(S3Client s3, S3Presigner presigner, StorageProperties storage) {
        ObjectStore store = new ObjectStore(s3, presigner, storage.bucket());
        if (storage.createBucket()) {
            try {
                store.ensureBucket();
            } catch (RuntimeException e) {
                // The store may be down at start-up: uploads fail (503) until it is back, runs are unaffected.
                log.warn("event=bucket_check_failed bucket={} error=\"{}\"", storage.bucket(), e.toString());
            }
        }
        return store;
    }

    private static AwsCredentialsProvider credentials(StorageProperties storage) {
        if (storage.accessKey() != null && storage.secretKey() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(storage.accessKey(), storage.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
