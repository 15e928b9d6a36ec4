package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The link's key: unguessable, fit for a URL, and only its SHA-256 is ever stored. */
class StatementTokensTest {

    @Test
    void aTokenCarries256RandomBitsInUrlSafeCharacters() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = StatementTokens.newToken(random);
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theStoredFormIsTheSha256HexOfTheToken() {
        // the SHA-256 test vector of "abc" (FIPS 180-2)
        assertThat(StatementTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = StatementTokens.newToken(new SecureRandom());
        assertThat(StatementTokens.hash(token)).hasSize(64).matches("[0-9a-f]+").doesNotContain(token)
                .isEqualTo(StatementTokens.hash(token));
    }
}
