package io.artstore.ui.auth;

/** Answer of admin-module's login and refresh endpoints. */
public record LoginTokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    @Override
    public String toString() {
        return "LoginTokens[expiresIn=" + expiresIn + "]";
    }
}
