package io.artstore.admin.files;

import java.time.Instant;
import java.util.UUID;

/** One copy of a file: the SE holding it, its {@code CopyStatus} value, its last successful check. */
public record FileCopy(UUID storageElementId, String status, Instant verifiedAt) {
}
