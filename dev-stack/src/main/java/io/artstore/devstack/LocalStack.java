package io.artstore.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.artstore.testsupport.process.ProcessRunner;
import io.artstore.testsupport.tls.TestCertificates;

/**
 * A complete ArtStore on one machine: embedded PostgreSQL, admin-module, three storage
 * elements (HTTPS with a local CA) — {@code se-edit} in {@code edit} mode and {@code se-rw} in
 * {@code rw} mode at site {@code a}, {@code se-rw-b} in {@code rw} mode at site {@code b}, so that
 * a permanent file gets its two copies on distinct sites — ingester, query and admin-ui — every service from its packaged production jar, configured only through its
 * documented environment variables. Data, logs, certificates and credentials live under the
 * data directory and survive restarts. {@link #close()} stops everything.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * Generous: seven JVMs (four with the OpenTelemetry agent in the system tests) start at once,
     * and on a loaded 2-core box one SE alone took over two minutes to become ready.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    /**
     * One storage element of the stack.
     *
     * @param process   the process (and log file) name, e.g. {@code storage-element-rw-b}
     * @param storageId the SE's {@code SE_STORAGE_ID}, also its directory under the data directory
     * @param name      the name it is registered under in admin-module
     * @param site      the site label admin-module spreads copies over
     */
    public record StorageElement(String process, String storageId, String name, String mode, String site, String url) {
    }

    private final StackOptions options;
    private final List<ProcessRunner> processes = new ArrayList<>();
    private LocalPostgres postgres;
    private Credentials credentials;
    private TestCertificates tls;

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    public static LocalStack start(StackOptions options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException ex) {
            stack.close();
            throw ex;
        }
    }

    private void boot() {
        Path data = options.dataDir().toAbsolutePath();
        credentials = Credentials.load(data);
        tls = TestCertificates.reuseOrGenerate(data.resolve("tls"), 3650);
        postgres = LocalPostgres.start(data.resolve("postgres"), options.postgresPort());

        ProcessRunner admin = service("admin-module", "admin-module", Map.of(
                "AM_PORT", options.adminPort(),
                "AM_DB_HOST", "127.0.0.1",
                "AM_DB_PORT", postgres.port(),
                "AM_DB_NAME", LocalPostgres.DATABASE,
                "AM_DB_USER", LocalPostgres.USER,
                "AM_DB_PASSWORD", LocalPostgres.PASSWORD,
                "AM_JWT_ISSUER", adminUrl(),
                "AM_INIT_ADMIN_USERNAME", credentials.adminUsername(),
                "AM_INIT_ADMIN_PASSWORD", credentials.adminPassword(),
                "AM_SE_CA_CERT_PATH", tls.caCert()));
        awaitHealthy(admin, adminUrl());

        AdminBootstrap bootstrap = AdminBootstrap.login(adminUrl(), credentials);
        bootstrap.ensureServiceAccounts();

        List<ProcessRunner> storageProcesses = storageElements().stream().map(this::storageElement).toList();
        Credentials.Client ingesterClient = credentials.client("ingester-module");
        ProcessRunner ingester = service("ingester-module", "ingester-module", Map.of(
                "IG_PORT", options.ingesterPort(),
                "IG_ADMIN_URL", adminUrl(),
                "IG_CLIENT_ID", ingesterClient.clientId(),
                "IG_CLIENT_SECRET", ingesterClient.clientSecret(),
                "IG_JWT_ISSUER", adminUrl(),
                "IG_SE_CA_CERT_PATH", tls.caCert()));
        Credentials.Client queryClient = credentials.client("query-module");
        Map<String, Object> queryEnv = new LinkedHashMap<>();
        queryEnv.put("QM_PORT", options.queryPort());
        queryEnv.put("QM_DB_HOST", "127.0.0.1");
        queryEnv.put("QM_DB_PORT", postgres.port());
        queryEnv.put("QM_DB_NAME", LocalPostgres.DATABASE);
        queryEnv.put("QM_DB_USER", LocalPostgres.USER);
        queryEnv.put("QM_DB_PASSWORD", LocalPostgres.PASSWORD);
        queryEnv.put("QM_ADMIN_URL", adminUrl());
        queryEnv.put("QM_JWKS_URL", adminUrl() + "/api/v1/auth/jwks");
        queryEnv.put("QM_JWT_ISSUER", adminUrl());
        queryEnv.put("QM_CLIENT_ID", queryClient.clientId());
        queryEnv.put("QM_CLIENT_SECRET", queryClient.clientSecret());
        queryEnv.put("QM_SE_CA_CERT_PATH", tls.caCert());
        ProcessRunner query = service("query-module", "query-module", queryEnv);
        ProcessRunner ui = service("admin-ui", "admin-ui", Map.of(
                "UI_PORT", options.uiPort(),
                "UI_ADMIN_URL", adminUrl(),
                "UI_QUERY_URL", queryUrl()));

        for (int i = 0; i < storageProcesses.size(); i++) {
            awaitHealthy(storageProcesses.get(i), storageElements().get(i).url());
        }
        bootstrap.ensureStorageElements(storageElements());
        awaitHealthy(ingester, ingesterUrl());
        awaitHealthy(query, queryUrl());
        awaitHealthy(ui, uiUrl());
        StackEnvFile.write(data.resolve("stack.env"), this);
    }

    /**
     * Starts admin-module again (after it was stopped or killed) and brings it back to the
     * state the stack needs, exactly as a first start does: service accounts created (their
     * new secrets saved to credentials.json) and every storage element registered — which, on
     * an empty database, rebuilds the file registry from the SEs. Services whose service
     * account got a new secret are restarted with it.
     */
    public void restartAdmin() {
        ProcessRunner admin = process("admin-module");
        if (!admin.isAlive()) {
            admin.start();
        }
        awaitHealthy(admin, adminUrl());
        Credentials.Client ingesterBefore = credentials.client("ingester-module");
        Credentials.Client queryBefore = credentials.client("query-module");
        AdminBootstrap bootstrap = AdminBootstrap.login(adminUrl(), credentials);
        bootstrap.ensureServiceAccounts();
        bootstrap.ensureStorageElements(storageElements());
        restartWithNewSecret("ingester-module", "IG", ingesterBefore, ingesterUrl());
        restartWithNewSecret("query-module", "QM", queryBefore, queryUrl());
        StackEnvFile.write(options.dataDir().toAbsolutePath().resolve("stack.env"), this);
    }

    private void restartWithNewSecret(String name, String prefix, Credentials.Client before, String url) {
        Credentials.Client now = credentials.client(name);
        if (now.equals(before)) {
            return;
        }
        ProcessRunner runner = process(name);
        runner.stop();
        runner.env(prefix + "_CLIENT_ID", now.clientId()).env(prefix + "_CLIENT_SECRET", now.clientSecret()).start();
        awaitHealthy(runner, url);
    }

    /**
     * Drops the stack's database and creates it empty, as if PostgreSQL had lost its data
     * (stop admin-module first; other connections are cut).
     */
    public void wipeDatabase() {
        postgres.recreateDatabase();
    }

    private ProcessRunner storageElement(StorageElement se) {
        Path dir = options.dataDir().toAbsolutePath().resolve(se.storageId());
        return service(se.process(), "storage-element", Map.of(
                "SE_PORT", URI.create(se.url()).getPort(),
                "SE_STORAGE_ID", se.storageId(),
                "SE_DATA_DIR", dir.resolve("data"),
                "SE_WAL_DIR", dir.resolve("wal"),
                "SE_MODE", se.mode(),
                "SE_JWKS_URL", adminUrl() + "/api/v1/auth/jwks",
                "SE_JWT_ISSUER", adminUrl(),
                "SE_TLS_CERT", tls.serverCert(),
                "SE_TLS_KEY", tls.serverKey()));
    }

    private ProcessRunner service(String name, String module, Map<String, ?> env) {
        try {
            Path logs = options.dataDir().toAbsolutePath().resolve("logs");
            Files.createDirectories(logs);
            Map<String, Object> all = new LinkedHashMap<>(env);
            all.put(prefix(module) + "_LOG_FORMAT", "text");
            all.putAll(options.extraEnv(name));
            ProcessRunner runner = ProcessRunner.jar(ProcessRunner.findJar(options.repoDir().resolve(module).resolve("target"), module + "-"))
                    .env(all)
                    .jvmArgs(options.jvmOptions().toArray(String[]::new))
                    .log(logs.resolve(name + ".log"))
                    .healthClient(tls.httpClient());
            processes.add(runner);
            return runner.start();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static String prefix(String module) {
        return switch (module) {
            case "admin-module" -> "AM";
            case "storage-element" -> "SE";
            case "ingester-module" -> "IG";
            case "query-module" -> "QM";
            default -> "UI";
        };
    }

    /** Ready, not just live: admin-module, for one, creates its first key and admin after the web server is up. */
    private static void awaitHealthy(ProcessRunner runner, String baseUrl) {
        runner.awaitHealthy(URI.create(baseUrl + "/health/ready"), START_TIMEOUT);
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + options.adminPort();
    }

    public String seEditUrl() {
        return "https://127.0.0.1:" + options.seEditPort();
    }

    public String seRwUrl() {
        return "https://127.0.0.1:" + options.seRwPort();
    }

    /** The second {@code rw} SE, at site {@code b}. */
    public String seRwBUrl() {
        return "https://127.0.0.1:" + options.seRwBPort();
    }

    /**
     * The stack's storage elements, in start order. Two {@code rw} SEs on distinct sites: the
     * registry's copy policy wants two copies of a permanent file on distinct sites whenever
     * they exist; the {@code edit} SE shares site {@code a} (temporary files want one copy).
     */
    public List<StorageElement> storageElements() {
        return List.of(
                new StorageElement("storage-element-edit", "se-edit", "Local SE (edit)", "edit", "a", seEditUrl()),
                new StorageElement("storage-element-rw", "se-rw", "Local SE (rw)", "rw", "a", seRwUrl()),
                new StorageElement("storage-element-rw-b", "se-rw-b", "Local SE (rw, site b)", "rw", "b", seRwBUrl()));
    }

    public String ingesterUrl() {
        return "http://127.0.0.1:" + options.ingesterPort();
    }

    public String queryUrl() {
        return "http://127.0.0.1:" + options.queryPort();
    }

    public String uiUrl() {
        return "http://127.0.0.1:" + options.uiPort();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public Credentials credentials() {
        return credentials;
    }

    public TestCertificates certificates() {
        return tls;
    }

    /** The running process of a part of the stack, by name (e.g. {@code storage-element-edit}). */
    public ProcessRunner process(String name) {
        return processes.stream().filter(p -> p.logFile().getFileName().toString().equals(name + ".log"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No process " + name));
    }

    /** Stops the services (newest first, gracefully) and then PostgreSQL. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            try {
                processes.get(i).stop();
            } catch (RuntimeException ex) {
                processes.get(i).kill();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
