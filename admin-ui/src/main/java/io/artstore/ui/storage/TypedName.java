package io.artstore.ui.storage;

/** The name typed into a dialog to confirm a step that is hard to undo (archive, drain). */
final class TypedName {

    private TypedName() {
    }

    /** Exact and case-sensitive: only surrounding blanks (a pasted name's newline) are forgiven. */
    static boolean matches(String typed, String name) {
        return typed != null && name != null && !name.isBlank() && typed.strip().equals(name.strip());
    }
}
