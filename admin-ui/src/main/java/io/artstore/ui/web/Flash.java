package io.artstore.ui.web;

import java.io.Serial;
import java.io.Serializable;

/**
 * A one-time message shown at the top of the next page: a message-bundle key and its
 * arguments (never pre-rendered HTML; arguments are escaped when shown).
 */
public record Flash(String level, String key, Object[] args) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static Flash success(String key, Object... args) {
        return new Flash("success", key, args);
    }

    public static Flash error(String key, Object... args) {
        return new Flash("error", key, args);
    }
}
