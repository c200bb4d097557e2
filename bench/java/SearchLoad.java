import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency of query-module's POST /api/v1/search, one request at a time over one reused
 * HTTP/1.1 connection (JDK HTTP client). Cases are lines "mode TAB filters TAB request-json";
 * for each (mode, filters) group the bodies are sent round after round, unmeasured, for at least
 * `warmup_seconds` (and at least one round: the JIT compiles the request path, PostgreSQL caches
 * the pages), then `rounds` times measured. Prints "mode TAB filters TAB p50_ms TAB p99_ms TAB
 * requests" per group.
 *
 * Usage: java SearchLoad.java QUERY_URL TOKEN CASES WARMUP_SECONDS ROUNDS
 */
public class SearchLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/v1/search");
        String token = args[1];
        long warmupNanos = Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        int rounds = Integer.parseInt(args[4]);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 3);
            groups.computeIfAbsent(parts[0] + "\t" + parts[1], k -> new ArrayList<>()).add(parts[2]);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        for (var group : groups.entrySet()) {
            long warmupStarted = System.nanoTime();
            do {
                for (String body : group.getValue()) {
                    send(client, uri, token, body);
                }
            } while (System.nanoTime() - warmupStarted < warmupNanos);
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                for (String body : group.getValue()) {
                    long started = System.nanoTime();
                    send(client, uri, token, body);
                    nanos.add(System.nanoTime() - started);
                }
            }
            nanos.sort(null);
            System.out.printf("%s\t%.2f\t%.2f\t%d%n", group.getKey(), percentile(nanos, 50), percentile(nanos, 99),
                    nanos.size());
        }
    }

    private static void send(HttpClient client, URI uri, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + body + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
