package io.artstore.kernel.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class ArtstoreJwtAuthenticationConverterTest {

    private static List<String> authorities(Map<String, Object> claims) {
        Jwt jwt = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"),
                new java.util.HashMap<>(claims) {{ put("sub", "x"); }});
        return ArtstoreJwtAuthenticationConverter.authorities(jwt).stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void scopesArrayAndScopeStringAreMerged() {
        assertThat(authorities(Map.of("scopes", List.of("files:read"), "scope", "files:read storage:write")))
                .containsExactlyInAnyOrder("SCOPE_files:read", "SCOPE_storage:write");
    }

    @Test
    void adminRoleImpliesEveryScope() {
        assertThat(authorities(Map.of("role", "admin")))
                .contains("ROLE_admin")
                .containsAll(Scopes.ALL.stream().map(s -> "SCOPE_" + s).toList());
    }

    @Test
    void readonlyRoleImpliesReadScopesOnly() {
        assertThat(authorities(Map.of("role", "readonly")))
                .containsExactlyInAnyOrder("SCOPE_files:read", "SCOPE_storage:read", "SCOPE_admin:read", "ROLE_readonly");
    }

    @Test
    void unknownRoleAndNonStringScopesGiveNothing() {
        assertThat(authorities(Map.of("role", "root", "scopes", List.of(1, 2)))).isEmpty();
    }
}
