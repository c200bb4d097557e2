package io.artstore.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data, where the service jars are, and the ports of each
 * part. {@code extraEnv} adds or overrides environment variables per service (tests use it
 * for short GC intervals); keys are service names such as {@code storage-element-edit}.
 * {@code jvmArgs} go to every service's JVM after the stack's defaults, so they win
 * (benchmarks use them for a small heap and the full JIT).
 */
public record StackOptions(
        Path repoDir,
        Path dataDir,
        int postgresPort,
        int adminPort,
        int seEditPort,
        int seRwPort,
        int ingesterPort,
        int queryPort,
        int uiPort,
        Map<String, Map<String, String>> extraEnv,
        List<String> jvmArgs) {

    public StackOptions(Path repoDir, Path dataDir, int postgresPort, int adminPort, int seEditPort, int seRwPort,
                        int ingesterPort, int queryPort, int uiPort, Map<String, Map<String, String>> extraEnv) {
        this(repoDir, dataDir, postgresPort, adminPort, seEditPort, seRwPort, ingesterPort, queryPort, uiPort, extraEnv,
                List.of());
    }

    public static final String USAGE = """
            Usage: java -jar dev-stack/target/dev-stack-1.0.0-SNAPSHOT-exec.jar [options]
              --data-dir DIR      where data, logs, certificates and credentials live (default ./.artstore)
              --repo DIR          repository root with the built service jars (default .)
              --postgres-port N   embedded PostgreSQL (default 15432)
              --admin-port N      admin-module (default 8000)
              --se-edit-port N    storage element in edit mode (default 8010)
              --se-rw-port N      storage element in rw mode (default 8011)
              --ingester-port N   ingester-module (default 8020)
              --query-port N      query-module (default 8030)
              --ui-port N         admin-ui (default 4200)
              --jvm-args "ARGS"   extra JVM options for every service, after the defaults
                                  (-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1), e.g. "-Xmx128m"
            Each option can also be given as an environment variable, e.g. ARTSTORE_DATA_DIR, ARTSTORE_ADMIN_PORT.
            """;

    private static final java.util.Set<String> KNOWN = java.util.Set.of("repo", "data-dir", "postgres-port",
            "admin-port", "se-edit-port", "se-rw-port", "ingester-port", "query-port", "ui-port", "jvm-args");

    public static StackOptions defaults() {
        return new StackOptions(Path.of("."), Path.of(".artstore"), 15432, 8000, 8010, 8011, 8020, 8030, 4200, Map.of());
    }

    /** Options from command-line flags, then {@code ARTSTORE_*} environment variables, then defaults. */
    public static StackOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith("ARTSTORE_")) {
                values.put(key.substring("ARTSTORE_".length()).toLowerCase().replace('_', '-'), value);
            }
        });
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!KNOWN.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown or incomplete option '" + args[i] + "'\n" + USAGE);
            }
            values.put(key, args[++i]);
        }
        StackOptions d = defaults();
        StackOptions options = new StackOptions(
                Path.of(values.getOrDefault("repo", d.repoDir().toString())),
                Path.of(values.getOrDefault("data-dir", d.dataDir().toString())),
                port(values, "postgres-port", d.postgresPort()),
                port(values, "admin-port", d.adminPort()),
                port(values, "se-edit-port", d.seEditPort()),
                port(values, "se-rw-port", d.seRwPort()),
                port(values, "ingester-port", d.ingesterPort()),
                port(values, "query-port", d.queryPort()),
                port(values, "ui-port", d.uiPort()),
                Map.of(),
                jvmArgs(values.get("jvm-args")));
        return options;
    }

    public StackOptions withExtraEnv(Map<String, Map<String, String>> env) {
        return new StackOptions(repoDir, dataDir, postgresPort, adminPort, seEditPort, seRwPort, ingesterPort, queryPort,
                uiPort, Map.copyOf(env), jvmArgs);
    }

    private static List<String> jvmArgs(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("\\s+"));
    }

    public Map<String, String> extraEnv(String service) {
        return extraEnv.getOrDefault(service, Map.of());
    }

    private static int port(Map<String, String> values, String key, int fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + key + " must be a port number, not '" + value + "'");
    }
}
