package io.artstore.admin.keys;

import java.time.Instant;

/** One row of {@code jwt_keys}. */
record KeyRow(String kid, String algorithm, String publicKey, String privateKey, String status,
              Instant createdAt, Instant retiredAt, Instant graceEndsAt) {

    static final String ACTIVE = "active";
    static final String RETIRED = "retired";

    boolean active() {
        return ACTIVE.equals(status);
    }

    /** Whether tokens signed with this key are accepted at {@code now}. */
    boolean usableAt(Instant now) {
        return active() || (graceEndsAt != null && now.isBefore(graceEndsAt));
    }

    @Override
    public String toString() {
        return "KeyRow[kid=" + kid + ", status=" + status + ", graceEndsAt=" + graceEndsAt + "]";
    }
}
