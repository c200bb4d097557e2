package io.artstore.admin.users;

import java.util.UUID;

import io.artstore.admin.auth.TokenClaims;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.springframework.security.oauth2.jwt.Jwt;

/** The admin user behind an access token ({@code user_id} claim); service accounts have none. */
final class CurrentUser {

    private CurrentUser() {
    }

    static UUID idOrNull(Jwt jwt) {
        String value = jwt == null ? null : jwt.getClaimAsString(TokenClaims.USER_ID);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    static UUID id(Jwt jwt) {
        UUID id = idOrNull(jwt);
        if (id == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only admin users have an account here");
        }
        return id;
    }
}
