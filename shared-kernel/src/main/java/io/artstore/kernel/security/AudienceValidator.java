package io.artstore.kernel.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * ArtStore access tokens carry no {@code aud} claim. A token that names an audience was issued
 * for some other resource server, so it is refused unless one of its audiences is one of
 * {@code accepted} (empty by default: every token with an audience is refused).
 */
public final class AudienceValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error FOREIGN = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token was issued for another audience", null);

    private final List<String> accepted;

    public AudienceValidator(List<String> accepted) {
        this.accepted = accepted == null ? List.of() : List.copyOf(accepted);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> audiences = token.getAudience();
        if (audiences == null || audiences.isEmpty() || audiences.stream().anyMatch(accepted::contains)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(FOREIGN);
    }
}
