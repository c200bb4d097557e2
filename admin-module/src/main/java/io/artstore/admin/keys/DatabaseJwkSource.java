package io.artstore.admin.keys;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The {@link JWKSource} of admin-module, backed by PostgreSQL: the active key and the keys
 * still in their grace period. Used for signing (the encoder picks the active key by the
 * {@code kid} the token customizer puts in the header), for the JWKS endpoints (public
 * parts only) and for admin-module's own token validation.
 */
public class DatabaseJwkSource implements JWKSource<SecurityContext> {

    private final JwtKeyStore store;

    public DatabaseJwkSource(JwtKeyStore store) {
        this.store = store;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<String> kids = selector.getMatcher().getKeyIDs() == null ? List.of()
                : selector.getMatcher().getKeyIDs().stream().filter(kid -> kid != null).toList();
        List<JWK> keys = List.copyOf(store.usableKeys(java.util.Set.copyOf(kids)));
        return selector.select(new JWKSet(keys));
    }

    /** The public JWK set, as published on the JWKS endpoints. */
    public JWKSet publicKeys() {
        return new JWKSet(List.<JWK>copyOf(store.usableKeys())).toPublicJWKSet();
    }
}
