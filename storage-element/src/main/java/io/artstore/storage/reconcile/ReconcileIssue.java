package io.artstore.storage.reconcile;

import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

/** One problem found by reconcile. {@code path} is relative to the data directory. */
@Schema(name = "ReconcileIssue")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReconcileIssue(@Schema(nullable = true, format = "uuid") UUID fileId, String path, Type type,
                             String description) {

    /** Issue kinds of the contract. */
    public enum Type {
        /** A data file without a sidecar. */
        ORPHANED_FILE,
        /** A valid sidecar whose data file is missing. */
        MISSING_FILE,
        /** Data file content does not match the sidecar's SHA-256: the contract's, no longer reported (the scrub checks contents). */
        CHECKSUM_MISMATCH,
        /** Data file size differs from the sidecar's size. */
        SIZE_MISMATCH,
        /** A sidecar that belongs to no data file: unreadable, or naming another file. */
        ORPHANED_ATTR;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
