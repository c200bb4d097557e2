package io.artstore.storage.scrub;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** Progress of the current or last scrub pass ({@code GET /api/v1/maintenance/scrub}). */
@Schema(name = "ScrubStatus")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScrubStatus(
        @Schema(description = "A pass is running now") boolean running,
        @Schema(description = "Files verified by the current or last pass") long filesChecked,
        @Schema(description = "Bytes read and hashed by the current or last pass") long bytesChecked,
        @Schema(description = "Files of that pass found damaged (checksum or size); now marked corrupt") long mismatches,
        @Schema(description = "When the current or last pass started; null: never", nullable = true) Instant startedAt,
        @Schema(description = "When that pass finished; null while running or interrupted", nullable = true)
        Instant finishedAt) {
}
