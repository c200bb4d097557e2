package io.artstore.ui.auth;

/** The session's tokens are gone or could not be refreshed: the user has to log in again. */
public class SessionExpiredException extends RuntimeException {

    public SessionExpiredException(String message) {
        super(message);
    }
}
