package io.artstore.admin.auth;

import java.util.List;

/** A freshly signed access token, its lifetime in seconds and its scopes. */
public record IssuedToken(String value, long expiresIn, List<String> scopes) {

    @Override
    public String toString() {
        return "IssuedToken[expiresIn=" + expiresIn + ", scopes=" + scopes + "]";
    }
}
