package io.artstore.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.artstore.devstack.LocalStack;
import io.artstore.devstack.StackOptions;
import io.artstore.testsupport.process.ProcessRunner;

/**
 * The one local stack shared by all system tests of this JVM: every service from its
 * packaged jar, on free ports, in a fresh data directory, started by the same code as the
 * developers' one-command stack. Short intervals let tests see GC and sync without waiting
 * an hour; the rw SE is tiny so "storage full" can be shown.
 */
final class SystemStack {

    static final long RW_CAPACITY = 4L * 1024 * 1024;
    static final long MAX_UPLOAD = 48L * 1024 * 1024;

    private SystemStack() {
    }

    static LocalStack get() {
        return Holder.STACK;
    }

    static Path dataDir() {
        return Holder.DATA;
    }

    private static final class Holder {
        private static final Path DATA = createDataDir();
        private static final LocalStack STACK = start();

        private static Path createDataDir() {
            try {
                return Files.createTempDirectory("artstore-system-");
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        private static LocalStack start() {
            StackOptions options = new StackOptions(Path.of(".").toAbsolutePath().normalize(), DATA,
                    ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(),
                    ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(), Map.of())
                    .withExtraEnv(Map.of(
                            "storage-element-edit", Map.of("SE_GC_INTERVAL", "2s"),
                            "storage-element-rw", Map.of("SE_GC_INTERVAL", "2s", "SE_MAX_CAPACITY", Long.toString(RW_CAPACITY)),
                            "ingester-module", Map.of("IG_MAX_FILE_SIZE", Long.toString(MAX_UPLOAD),
                                    "IG_REGISTER_DELAY", "50ms"),
                            "query-module", Map.of("QM_CACHE_TTL", "30s")));
            LocalStack stack = LocalStack.start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-stack-stop"));
            return stack;
        }
    }
}
