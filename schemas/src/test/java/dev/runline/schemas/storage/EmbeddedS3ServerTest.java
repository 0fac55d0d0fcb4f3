package dev.runline.schemas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The embedded server speaks S3 to the AWS SDK, with the client settings the gateway uses. */
class EmbeddedS3ServerTest {

    @TempDir
    Path data;

    @Test
    void storesReadsListsPresignsAndDeletesObjectsAndKeepsThemAcrossRestarts() throws Exception {
        byte[] bytes = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(bytes);
        try (EmbeddedS3Server server = start(); S3Client s3 = client(server, "secret")) {
            s3.createBucket(b -> b.bucket("files"));
            s3.putObject(p -> p.bucket("files").key("a/b.bin").contentType("application/x-test"), RequestBody.fromBytes(bytes));

            assertThat(s3.getObjectAsBytes(g -> g.bucket("files").key("a/b.bin")).asByteArray()).isEqualTo(bytes);
            var head = s3.headObject(h -> h.bucket("files").key("a/b.bin"));
            assertThat(head.contentLength()).isEqualTo(bytes.length);
            assertThat(head.contentType()).isEqualTo("application/x-test");
            // The filesystem backend lists its directories too ("a/"): look at the keys of files.
            assertThat(keys(s3)).contains("a/b.bin");

            try (S3Presigner presigner = presigner(server)) {
                URI put = URI.create(presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .putObjectRequest(p -> p.bucket("files").key("presigned.txt"))).url().toString());
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(put)
                        .PUT(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
            assertThat(s3.getObjectAsBytes(g -> g.bucket("files").key("presigned.txt")).asUtf8String()).isEqualTo("hello");

            s3.deleteObject(d -> d.bucket("files").key("presigned.txt"));
            assertThat(keys(s3)).contains("a/b.bin").doesNotContain("presigned.txt");
        }
        try (EmbeddedS3Server restarted = start(); S3Client s3 = client(restarted, "secret")) {
            assertThat(s3.getObjectAsBytes(g -> g.bucket("files").key("a/b.bin")).asByteArray()).isEqualTo(bytes);
        }
    }

    @Test
    void aWrongSecretIsRefused() {
        try (EmbeddedS3Server server = start(); S3Client s3 = client(server, "not-the-secret")) {
            assertThatThrownBy(() -> s3.listBuckets()).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }

    private static java.util.List<String> keys(S3Client s3) {
        return s3.listObjectsV2(l -> l.bucket("files")).contents().stream().map(o -> o.key()).toList();
    }

    private EmbeddedS3Server start() {
        return EmbeddedS3Server.start(EmbeddedS3Server.locateJar(), data, 0, "access", "secret");
    }

    private static S3Client client(EmbeddedS3Server server, String secret) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", secret)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static S3Presigner presigner(EmbeddedS3Server server) {
        return S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
                .build();
    }
}
