package io.artstore.storage.mode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.contract.StorageOperation;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.storage.attr.AtomicFiles;
import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.StorageLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Current mode of the SE, persisted in {@code mode.json} (atomic write). The configured
 * initial mode is used only when no {@code mode.json} exists yet; from then on the file
 * wins, so a restart never changes the mode.
 */
public class ModeService {

    private static final Logger log = LoggerFactory.getLogger(ModeService.class);

    /** Content of {@code mode.json}. */
    record ModeFile(StorageMode mode, Instant changedAt) {
    }

    /** Result of a successful transition. */
    public record Transition(StorageMode previousMode, StorageMode currentMode, Instant transitionedAt) {
    }

    private final StorageLayout layout;
    private final Clock clock;
    private final JsonMapper json = AttrStore.mapper();
    private volatile StorageMode current;

    public ModeService(StorageLayout layout, StorageMode initialMode, Clock clock) {
        this.layout = layout;
        this.clock = clock;
        this.current = loadOrInitialize(initialMode);
    }

    public StorageMode current() {
        return current;
    }

    /** Throws 409 {@code MODE_NOT_ALLOWED} when the current mode does not allow {@code operation}. */
    public void require(StorageOperation operation) {
        StorageMode mode = current;
        if (!mode.allows(operation)) {
            throw new ApiException(ErrorCode.MODE_NOT_ALLOWED,
                    "Operation '" + operation.value() + "' is not allowed in mode '" + mode.value() + "'");
        }
    }

    public synchronized Transition transition(StorageMode target, boolean confirm) {
        StorageMode previous = current;
        previous.checkTransition(target, confirm);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        persist(new ModeFile(target, now));
        current = target;
        log.info("Mode changed from {} to {}", previous.value(), target.value());
        return new Transition(previous, target, now);
    }

    private StorageMode loadOrInitialize(StorageMode initialMode) {
        if (Files.exists(layout.modeFile())) {
            try {
                ModeFile file = json.readValue(Files.readAllBytes(layout.modeFile()), ModeFile.class);
                if (file.mode() == null) {
                    throw new IllegalStateException("mode.json has no mode");
                }
                return file.mode();
            } catch (IOException | JacksonException ex) {
                throw new IllegalStateException("Cannot read " + layout.modeFile() + "; fix or remove it", ex);
            }
        }
        persist(new ModeFile(initialMode, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return initialMode;
    }

    private void persist(ModeFile file) {
        try {
            AtomicFiles.write(layout.modeFile(), json.writeValueAsBytes(file), layout.incomingDir());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write mode.json", ex);
        }
    }
}
