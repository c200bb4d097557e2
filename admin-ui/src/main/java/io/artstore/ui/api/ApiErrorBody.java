package io.artstore.ui.api;

/** The common error body {@code {"error":{"code","message"}}}. */
public record ApiErrorBody(Detail error) {

    public record Detail(String code, String message) {
    }
}
