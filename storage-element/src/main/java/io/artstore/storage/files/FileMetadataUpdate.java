package io.artstore.storage.files;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** Contract FileMetadataUpdate: the fields given replace the stored ones; at least one is required. */
@Schema(name = "FileMetadataUpdate", minProperties = 1)
public record FileMetadataUpdate(
        @Schema(maxLength = 1000) @Size(max = 1000, message = "must be at most 1000 characters") String description,
        @Schema(description = "Replaces all tags") List<String> tags) {
}
