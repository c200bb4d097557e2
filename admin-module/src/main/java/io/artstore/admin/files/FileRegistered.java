package io.artstore.admin.files;

import java.util.UUID;

/**
 * Published when a new file has been registered with its first copy: the replication job takes
 * it as a cue to make the further copies now rather than at its next periodic pass.
 */
public record FileRegistered(UUID fileId) {
}
