package io.artstore.admin.accounts;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIdsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void hasTheSaNameRandomFormat() {
        String clientId = ClientIds.generate("ingester", random);
        assertThat(clientId).matches("sa_ingester_[a-z0-9]{8}").matches(ClientIds.FORMAT);
    }

    @Test
    void normalisesTheNamePart() {
        assertThat(ClientIds.namePart("Query Module")).isEqualTo("query-module");
        assertThat(ClientIds.namePart("my_service")).isEqualTo("my-service");
        assertThat(ClientIds.namePart("  --Ünïcode!! 42 ")).isEqualTo("n-code-42");
        assertThat(ClientIds.namePart("***")).isEqualTo("client");
        assertThat(ClientIds.namePart("a".repeat(50))).hasSize(32);
        assertThat(ClientIds.namePart("abcdefghijklmnopqrstuvwxyz01234-6789")).isEqualTo("abcdefghijklmnopqrstuvwxyz01234");
    }

    @Test
    void everyGeneratedIdMatchesTheFormatAndIsUnique() {
        Set<String> seen = new HashSet<>();
        for (String name : new String[] {"x", "Ingester", "edge site #4", "_-_", "a".repeat(50)}) {
            for (int i = 0; i < 200; i++) {
                String id = ClientIds.generate(name, random);
                assertThat(id).matches(ClientIds.FORMAT);
                assertThat(seen.add(id)).isTrue();
            }
        }
    }
}
