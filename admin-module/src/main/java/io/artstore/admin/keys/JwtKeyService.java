package io.artstore.admin.keys;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** Status and rotation of the signing keys; makes sure a key exists at startup. */
public class JwtKeyService implements ApplicationRunner {

    private final JwtKeyStore store;
    private final KeyWriter writer;
    private final Counter rotations;

    JwtKeyService(JwtKeyStore store, KeyWriter writer, MeterRegistry registry) {
        this.store = store;
        this.writer = writer;
        this.rotations = Counter.builder("artstore.admin.jwt.key.rotations")
                .description("Signing key rotations done by this replica").register(registry);
    }

    @Override
    public void run(ApplicationArguments args) {
        writer.ensureActiveKey();
    }

    public JwtKeyStatus status() {
        KeyRow active = store.activeRow();
        List<KeyRow> retired = store.usableRows().stream().filter(row -> !row.active()).toList();
        KeyRow previous = retired.isEmpty() ? null : retired.getFirst();
        return new JwtKeyStatus(active.kid(), active.algorithm(), active.createdAt(),
                previous == null ? null : previous.kid(), previous == null ? null : previous.graceEndsAt());
    }

    public JwtKeyRotation rotate() {
        KeyWriter.Rotation rotation = writer.rotate();
        store.invalidate();
        rotations.increment();
        return new JwtKeyRotation(rotation.newKeyId(), rotation.previousKeyId(), rotation.graceEndsAt());
    }
}
