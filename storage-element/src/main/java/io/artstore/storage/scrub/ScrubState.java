package io.artstore.storage.scrub;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The scrub's cursor, persisted in {@code <data dir>/.scrub.json} after each file: the current
 * (or last) pass and where it stands, so that a restart resumes an unfinished pass after
 * {@code lastFileId} instead of starting over.
 *
 * @param startedAt       when the current or last pass started (null: never)
 * @param finishedAt      when it finished (null while unfinished)
 * @param lastFileId      the last file the pass checked (files are visited in {@link Scrubber#ID_ORDER})
 * @param lastCompletedAt when the last complete pass finished (kept while the next one runs)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ScrubState(Instant startedAt, Instant finishedAt, UUID lastFileId, long filesChecked, long bytesChecked,
                  long mismatches, Instant lastCompletedAt) {

    static final ScrubState NEVER = new ScrubState(null, null, null, 0, 0, 0, null);

    /** A pass started and not finished (interrupted by a stop or a crash, or running). */
    boolean unfinished() {
        return startedAt != null && finishedAt == null;
    }

    ScrubState newPass(Instant now) {
        return new ScrubState(now, null, null, 0, 0, 0, lastCompletedAt);
    }

    ScrubState checked(UUID fileId, long bytes, boolean mismatch) {
        return new ScrubState(startedAt, null, fileId, filesChecked + 1, bytesChecked + bytes,
                mismatches + (mismatch ? 1 : 0), lastCompletedAt);
    }

    ScrubState finished(Instant now) {
        return new ScrubState(startedAt, now, lastFileId, filesChecked, bytesChecked, mismatches, now);
    }
}
