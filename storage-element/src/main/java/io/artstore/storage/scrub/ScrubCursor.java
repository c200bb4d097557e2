package io.artstore.storage.scrub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.artstore.storage.attr.AtomicFiles;
import io.artstore.storage.attr.StorageLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code .scrub.json} in the data directory (a dot name: GC, reconcile and the
 * index scan ignore it). Writes are atomic (temp file, fsync, rename), so a crash leaves the old
 * or the new cursor, never a torn one.
 */
class ScrubCursor {

    static final String FILE = ".scrub.json";

    private static final Logger log = LoggerFactory.getLogger(ScrubCursor.class);

    private final Path file;
    private final Path tempDir;
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    ScrubCursor(StorageLayout layout) {
        this.file = layout.dataDir().resolve(FILE);
        this.tempDir = layout.incomingDir();
    }

    /** The persisted state; {@link ScrubState#NEVER} when there is none or it cannot be read (a fresh pass then starts). */
    ScrubState load() {
        try {
            return json.readValue(Files.readAllBytes(file), ScrubState.class);
        } catch (NoSuchFileException ex) {
            return ScrubState.NEVER;
        } catch (IOException | JacksonException ex) {
            log.warn("Scrub cursor {} unreadable, starting over: {}", file, ex.getMessage());
            return ScrubState.NEVER;
        }
    }

    void save(ScrubState state) {
        try {
            AtomicFiles.write(file, json.writeValueAsBytes(state), tempDir);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the scrub cursor " + file, ex);
        }
    }
}
