package io.artstore.admin.files;

import java.util.UUID;

/** Filters of the file list; {@code null} = no filter. */
record FileFilter(String status, String retentionPolicy, UUID storageElementId, String uploadedBy) {
}
