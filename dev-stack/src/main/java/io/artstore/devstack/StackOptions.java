package io.artstore.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data, where the service jars are, and the ports of each
 * part. {@code extraEnv} adds or overrides environment variables per service (tests use it
 * for short GC intervals); keys are service names such as {@code storage-element-edit}.
 * {@code jvmOptions} are the JVM options of every service process.
 */
public record StackOptions(
        Path repoDir,
        Path dataDir,
        int postgresPort,
        int adminPort,
        int seEditPort,
        int seRwPort,
        int seRwBPort,
        int ingesterPort,
        int queryPort,
        int uiPort,
        Map<String, Map<String, String>> extraEnv,
        List<String> jvmOptions) {

    /**
     * Small heaps for six JVMs on one machine, but the full JIT: the C2 intrinsics are what make
     * TLS (AES-GCM) and hashing fast; with C1 only ({@code -XX:TieredStopAtLevel=1}) AES-GCM runs
     * some 20 times slower and the storage-element hops are bound by it. A small initial heap:
     * otherwise the JVM sizes it at 1/64 of the machine's memory (capped by -Xmx) and an idle
     * service's RSS is its whole young generation.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC");

    public StackOptions {
        extraEnv = Map.copyOf(extraEnv);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Options with the default JVM options. */
    public StackOptions(Path repoDir, Path dataDir, int postgresPort, int adminPort, int seEditPort, int seRwPort,
                        int seRwBPort, int ingesterPort, int queryPort, int uiPort,
                        Map<String, Map<String, String>> extraEnv) {
        this(repoDir, dataDir, postgresPort, adminPort, seEditPort, seRwPort, seRwBPort, ingesterPort, queryPort, uiPort,
                extraEnv, DEFAULT_JVM_OPTIONS);
    }

    public static final String USAGE = """
            Usage: java -jar dev-stack/target/dev-stack-1.0.0-SNAPSHOT-exec.jar [options]
              --data-dir DIR      where data, logs, certificates and credentials live (default ./.artstore)
              --repo DIR          repository root with the built service jars (default .)
              --postgres-port N   embedded PostgreSQL (default 15432)
              --admin-port N      admin-module (default 8000)
              --se-edit-port N    storage element in edit mode, site a (default 8010)
              --se-rw-port N      storage element in rw mode, site a (default 8011)
              --se-rw-b-port N    storage element in rw mode, site b (default 8012)
              --ingester-port N   ingester-module (default 8020)
              --query-port N      query-module (default 8030)
              --ui-port N         admin-ui (default 4200)
              --jvm-options "..." JVM options of every service (default "-Xms32m -Xmx256m -XX:+UseSerialGC")
            Each option can also be given as an environment variable, e.g. ARTSTORE_DATA_DIR, ARTSTORE_ADMIN_PORT.
            """;

    private static final java.util.Set<String> KNOWN = java.util.Set.of("repo", "data-dir", "postgres-port",
            "admin-port", "se-edit-port", "se-rw-port", "se-rw-b-port", "ingester-port", "query-port", "ui-port", "jvm-options");

    public static StackOptions defaults() {
        return new StackOptions(Path.of("."), Path.of(".artstore"), 15432, 8000, 8010, 8011, 8012, 8020, 8030, 4200, Map.of());
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
                port(values, "se-rw-b-port", d.seRwBPort()),
                port(values, "ingester-port", d.ingesterPort()),
                port(values, "query-port", d.queryPort()),
                port(values, "ui-port", d.uiPort()),
                Map.of(),
                values.containsKey("jvm-options") ? jvmOptions(values.get("jvm-options")) : d.jvmOptions());
        return options;
    }

    public StackOptions withExtraEnv(Map<String, Map<String, String>> env) {
        return new StackOptions(repoDir, dataDir, postgresPort, adminPort, seEditPort, seRwPort, seRwBPort, ingesterPort,
                queryPort, uiPort, env, jvmOptions);
    }

    public Map<String, String> extraEnv(String service) {
        return extraEnv.getOrDefault(service, Map.of());
    }

    private static List<String> jvmOptions(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
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
