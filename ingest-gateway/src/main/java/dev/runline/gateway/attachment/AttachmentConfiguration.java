package dev.runline.gateway.attachment;

import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.GatewayTopics;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AttachmentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttachmentConfiguration.class);

    @Bean
    UploadSigner uploadSigner(UploadProperties properties) {
        if (properties.signingKey() == null || properties.signingKey().isBlank()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            log.warn("event=upload_signing_key_generated message=\"runline.gateway.uploads.signing-key is not set: this"
                    + " instance signs its upload URLs with a key of its own, valid on it alone until it stops; set one"
                    + " key on every gateway instance\"");
            return new UploadSigner(key);
        }
        try {
            return new UploadSigner(Base64.getDecoder().decode(properties.signingKey().strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("runline.gateway.uploads.signing-key must be base64 of at least 32 random"
                    + " bytes (e.g. openssl rand -base64 32): " + e.getMessage(), e);
        }
    }

    @Bean
    UploadUrls uploadUrls(UploadSigner signer, ObjectStore store, UploadProperties properties, Clock clock) {
        return new UploadUrls(signer, store, properties, clock);
    }

    /** Declared by the processor too; keyed by run id, as many partitions as the runs topic. */
    @Bean
    NewTopic attachmentLinksTopic(UploadProperties uploads, GatewayProperties gateway) {
        return GatewayTopics.declare(uploads.linkTopic(), gateway);
    }
}
