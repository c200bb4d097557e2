package io.artstore.kernel.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authorities of an ArtStore JWT: {@code SCOPE_x} for every scope in the {@code scopes}
 * array claim or the standard space-separated {@code scope} claim, plus the scopes the
 * {@code role} claim implies and {@code ROLE_<role>}.
 */
public class ArtstoreJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String SCOPES_CLAIM = "scopes";
    public static final String SCOPE_CLAIM = "scope";
    public static final String ROLE_CLAIM = "role";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Set<String> scopes = new LinkedHashSet<>(claimAsList(jwt, SCOPES_CLAIM));
        scopes.addAll(claimAsList(jwt, SCOPE_CLAIM));
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        scopes.addAll(Scopes.forRole(role));
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority(Scopes.AUTHORITY_PREFIX + scope)));
        if (role != null && !Scopes.forRole(role).isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        return authorities;
    }

    private static List<String> claimAsList(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof String text) {
            return List.of(text.trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
