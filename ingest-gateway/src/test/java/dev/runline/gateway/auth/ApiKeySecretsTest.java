package dev.runline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The key format and its checksum: what lets the gateway refuse a made-up key before any lookup. */
class ApiKeySecretsTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final SecureRandom random = new SecureRandom();

    @Test
    void aNewKeyIsAPlainBearerTokenWithAChecksum() {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();

        assertThat(key.secret()).hasSize(52).startsWith("rl_").matches("rl_[A-Za-z0-9_-]{49}");
        assertThat(key.prefix()).isEqualTo(key.secret().substring(0, 11));
        assertThat(ApiKeySecrets.formatOf(key.secret())).isEqualTo(ApiKeySecrets.Format.CHECKSUMMED);
    }

    @Test
    void everyMistypedCharacterBreaksTheChecksum() {
        String secret = ApiKeySecrets.generate().secret();

        for (int i = 3; i < secret.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c != secret.charAt(i)) {
                    String typo = secret.substring(0, i) + c + secret.substring(i + 1);
                    assertThat(ApiKeySecrets.formatOf(typo)).as(typo).isEqualTo(ApiKeySecrets.Format.MALFORMED);
                }
            }
        }
    }

    @Test
    void madeUpKeysOfTheRightShapeFailTheChecksum() {
        int passed = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder madeUp = new StringBuilder("rl_");
            for (int c = 0; c < 49; c++) {
                madeUp.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (ApiKeySecrets.formatOf(madeUp.toString()) != ApiKeySecrets.Format.MALFORMED) {
                passed++;
            }
        }

        assertThat(passed).as("one in 2^36 passes by chance").isZero();
    }

    @Test
    void aKeyMintedBeforeTheChecksumIsRecognisedByItsLength() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String old = "rl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThat(old).hasSize(46);
        assertThat(ApiKeySecrets.formatOf(old)).isEqualTo(ApiKeySecrets.Format.UNCHECKSUMMED);
    }

    @Test
    void otherTokensAreMalformed() {
        String secret = ApiKeySecrets.generate().secret();

        assertThat(ApiKeySecrets.formatOf("xx_" + secret.substring(3))).isEqualTo(ApiKeySecrets.Format.MALFORMED);
        assertThat(ApiKeySecrets.formatOf(secret.substring(0, 51))).isEqualTo(ApiKeySecrets.Format.MALFORMED);
        assertThat(ApiKeySecrets.formatOf(secret + "A")).isEqualTo(ApiKeySecrets.Format.MALFORMED);
        assertThat(ApiKeySecrets.formatOf(secret.substring(0, 20) + "+" + secret.substring(21)))
                .isEqualTo(ApiKeySecrets.Format.MALFORMED);
        assertThat(ApiKeySecrets.formatOf("rl_" + java.util.UUID.randomUUID())).isEqualTo(ApiKeySecrets.Format.MALFORMED);
        assertThat(ApiKeySecrets.formatOf("")).isEqualTo(ApiKeySecrets.Format.MALFORMED);
    }
}
