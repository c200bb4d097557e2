package io.artstore.ui.files;

import java.time.Instant;

/** One copy of a file as admin-module lists it: its SE, its {@code CopyStatus} value, its last good checksum check. */
public record FileCopy(String storageElementId, String status, Instant verifiedAt) {
}
