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
public final class SystemStack {

    public static final long RW_CAPACITY = 4L * 1024 * 1024;
    public static final long MAX_UPLOAD = 48L * 1024 * 1024;

    private SystemStack() {
    }

    public static LocalStack get() {
        return Holder.STACK;
    }

    public static Path dataDir() {
        return Holder.DATA;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean TRACED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Whether admin, both SEs and the ingester run with the OpenTelemetry agent (console exporter). */
    public static boolean traced() {
        get();
        return TRACED.get();
    }

    /**
     * The agent enabled the way the container images enable it, through {@code JAVA_TOOL_OPTIONS},
     * with spans written to the process log instead of a collector.
     */
    private static Map<String, String> tracing() {
        String agent = System.getProperty("artstore.otel.agent", "");
        if (agent.isBlank() || !Files.isRegularFile(Path.of(agent))) {
            return Map.of();
        }
        return Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + agent,
                "OTEL_TRACES_EXPORTER", "console",
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none",
                "OTEL_INSTRUMENTATION_JDBC_ENABLED", "false");
    }

    private static Map<String, String> with(Map<String, String> tracing, String service, String... pairs) {
        Map<String, String> env = new java.util.HashMap<>();
        if (!tracing.isEmpty()) {
            env.putAll(tracing);
            env.put("OTEL_SERVICE_NAME", service);
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(env);
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
            Map<String, String> traced = tracing();
            StackOptions options = new StackOptions(Path.of(".").toAbsolutePath().normalize(), DATA,
                    ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(),
                    ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(), ProcessRunner.freePort(),
                    Map.of())
                    .withExtraEnv(Map.of(
                            // second copies within seconds, so tests see a settled registry without waiting a minute
                            "admin-module", with(traced, "admin-module", "AM_REPLICATION_INTERVAL", "2s"),
                            "storage-element-edit", with(traced, "storage-element-edit", "SE_GC_INTERVAL", "2s"),
                            "storage-element-rw", with(traced, "storage-element-rw", "SE_GC_INTERVAL", "2s",
                                    "SE_MAX_CAPACITY", Long.toString(RW_CAPACITY)),
                            // the second rw SE (site b) is as small: a permanent upload meets the same limit on either
                            "storage-element-rw-b", with(traced, "storage-element-rw-b", "SE_GC_INTERVAL", "2s",
                                    "SE_MAX_CAPACITY", Long.toString(RW_CAPACITY)),
                            "ingester-module", with(traced, "ingester-module", "IG_MAX_FILE_SIZE", Long.toString(MAX_UPLOAD),
                                    "IG_REGISTER_DELAY", "50ms"),
                            "query-module", Map.of("QM_CACHE_TTL", "30s")));
            LocalStack stack = LocalStack.start(options);
            TRACED.set(!traced.isEmpty());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-stack-stop"));
            return stack;
        }
    }
}
