package io.artstore.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a packaged service jar as a separate JVM for tests that need a real process:
 * environment variables and JVM options in, output to a log file, wait until its health
 * endpoint answers, then stop it gracefully (SIGTERM) or kill it (SIGKILL, as a crash).
 * <pre>{@code
 * try (ProcessRunner se = ProcessRunner.jar(ProcessRunner.findJar(Path.of("target"), "storage-element-"))
 *         .env("SE_PORT", port).jvmArgs("-Xmx64m").log(dir.resolve("se.log"))) {
 *     se.start().awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health/live"), Duration.ofSeconds(60));
 *     ...
 *     se.kill();
 * }
 * }</pre>
 */
public final class ProcessRunner implements AutoCloseable {

    private final Path jar;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Path log;
    private HttpClient healthClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private ProcessRunner(Path jar) {
        this.jar = jar;
    }

    public static ProcessRunner jar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No such jar: " + jar + " (run the package phase first)");
        }
        return new ProcessRunner(jar);
    }

    /**
     * The executable jar in {@code dir} whose name starts with {@code prefix}, skipping
     * sources, javadoc, test and plain (non-repackaged) jars.
     */
    public static Path findJar(Path dir, String prefix) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*.jar")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar")
                        && !name.endsWith("-plain.jar")) {
                    candidates.add(file);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + dir, ex);
        }
        if (candidates.size() != 1) {
            throw new IllegalStateException("Expected one " + prefix + "*.jar in " + dir + " (run `mvn package`), found " + candidates);
        }
        return candidates.getFirst();
    }

    /** A TCP port free on loopback right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public ProcessRunner env(String name, Object value) {
        env.put(name, String.valueOf(value));
        return this;
    }

    public ProcessRunner env(Map<String, ?> values) {
        values.forEach(this::env);
        return this;
    }

    public ProcessRunner jvmArgs(String... values) {
        jvmArgs.addAll(List.of(values));
        return this;
    }

    public ProcessRunner args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    /** Where stdout and stderr go (appended, so restarts keep earlier output). */
    public ProcessRunner log(Path file) {
        this.log = file;
        return this;
    }

    /** Client used by {@link #awaitHealthy}, for example one trusting a test CA for HTTPS. */
    public ProcessRunner healthClient(HttpClient client) {
        this.healthClient = client;
        return this;
    }

    /** Starts the process (again, after {@link #kill} or {@link #stop}). */
    public ProcessRunner start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Already running, pid " + process.pid());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            if (log == null) {
                log = Files.createTempFile(jar.getFileName().toString(), ".log");
            }
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + jar, ex);
        }
        return this;
    }

    /** Polls {@code url} until it answers 200; fails early if the process exits. */
    public ProcessRunner awaitHealthy(URI url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Process exited with " + process.exitValue() + " before becoming healthy:\n" + logTail(60));
            }
            try {
                HttpResponse<Void> response = healthClient.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException ex) {
                // not listening yet
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            sleep(200);
        }
        throw new IllegalStateException("Not healthy within " + timeout + ":\n" + logTail(60));
    }

    /** SIGKILL, as a crash: no shutdown hooks, no flushing. Waits until the process is gone. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after 30 seconds. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return log;
    }

    /** The last {@code lines} lines of the output, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
