package io.artstore.admin.auth;

import java.util.UUID;

/**
 * What an admin-user access token says about its user, carried to the token customizer as
 * the details of the principal: {@code user_id} and {@code role} claims.
 */
public record UserTokenDetails(UUID userId, String role) {
}
