package io.artstore.kernel.security;

import java.util.List;

/** The OAuth 2.0 scopes of ArtStore, and the role names of admin users. */
public final class Scopes {

    public static final String FILES_READ = "files:read";
    public static final String FILES_WRITE = "files:write";
    public static final String STORAGE_READ = "storage:read";
    public static final String STORAGE_WRITE = "storage:write";
    public static final String ADMIN_READ = "admin:read";
    public static final String ADMIN_WRITE = "admin:write";

    public static final List<String> ALL = List.of(FILES_READ, FILES_WRITE, STORAGE_READ, STORAGE_WRITE, ADMIN_READ, ADMIN_WRITE);
    public static final List<String> READ_ONLY = List.of(FILES_READ, STORAGE_READ, ADMIN_READ);

    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_READONLY = "readonly";

    /** Authority prefix Spring Security uses for scopes. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";

    private Scopes() {
    }

    public static boolean isKnown(String scope) {
        return ALL.contains(scope);
    }

    /** Scopes implied by an admin user's role; none for an unknown role. */
    public static List<String> forRole(String role) {
        if (ROLE_ADMIN.equals(role)) {
            return ALL;
        }
        if (ROLE_READONLY.equals(role)) {
            return READ_ONLY;
        }
        return List.of();
    }
}
