package io.artstore.storage.files;

/** Test access to the RFC 5987 encoder. */
public final class ContentDispositionsAccess {

    private ContentDispositionsAccess() {
    }

    public static String encode(String name) {
        return ContentDispositions.encode(name);
    }
}
