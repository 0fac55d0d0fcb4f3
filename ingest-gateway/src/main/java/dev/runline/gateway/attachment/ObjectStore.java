package dev.runline.gateway.attachment;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The attachments' bytes in one bucket of an S3-compatible store. Blocking (the SDK's synchronous client):
 * callers run it off the event loop. Bytes are streamed through, never held whole.
 */
public class ObjectStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public ObjectStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** Stores exactly {@code length} bytes read from {@code body}; fails if it holds fewer. */
    public void put(String key, InputStream body, long length, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).contentLength(length),
                RequestBody.fromInputStream(body, length));
    }

    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(bytes));
    }

    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
            return Optional.of(new StoredObject(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The object's bytes as a stream the caller closes. */
    public ResponseInputStream<GetObjectResponse> open(String key) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
    }

    public byte[] read(String key) {
        return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
    }

    /** Deleting a missing object succeeds (S3 semantics), so a clean-up that is repeated is harmless. */
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    public URI presignedPut(String key, Duration ttl) {
        return URI.create(presigner.presignPutObject(request -> request.signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key))).url().toString());
    }

    public URI presignedGet(String key, String fileName, Duration ttl) {
        return URI.create(presigner.presignGetObject(request -> request.signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key)
                        .responseContentDisposition(ContentDisposition.attachment(fileName)))).url().toString());
    }

    /** Creates the bucket unless it exists (start-up, when configured to). */
    public void ensureBucket() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(request -> request.bucket(bucket));
        }
    }

    public String bucket() {
        return bucket;
    }
}
