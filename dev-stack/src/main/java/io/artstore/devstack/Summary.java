package io.artstore.devstack;

import java.util.List;
import java.util.stream.Collectors;

/** The text printed once the local stack is up: URLs, credentials, first commands. */
final class Summary {

    private Summary() {
    }

    static String of(LocalStack stack, StackOptions options) {
        Credentials c = stack.credentials();
        Credentials.Client ingest = c.client("ingest");
        Credentials.Client search = c.client("search");
        return """

                ArtStore is running. Press Ctrl-C to stop everything.

                  Admin UI         %s   (user %s, password %s)
                  admin-module     %s   (tokens, registries, replication; API docs at /swagger-ui.html)
                  ingester-module  %s   (uploads)
                  query-module     %s   (search, metadata, downloads)
                  PostgreSQL       %s (user postgres, password postgres)

                Storage elements (HTTPS, CA at %s):
                %s
                  A permanent upload gets two copies (rw at site a and b); a temporary one, one (edit).

                Service accounts (client id / secret):
                  ingest  (files:write)  %s  %s
                  search  (files:read)   %s  %s

                Data, logs and credentials.json: %s
                Shell variables for the README examples:  source %s/stack.env
                """.formatted(stack.uiUrl(), c.adminUsername(), c.adminPassword(), stack.adminUrl(),
                stack.ingesterUrl(), stack.queryUrl(), stack.jdbcUrl(), stack.certificates().caCert(),
                storageElements(stack.storageElements()), ingest.clientId(), ingest.clientSecret(),
                search.clientId(), search.clientSecret(), options.dataDir().toAbsolutePath(), options.dataDir());
    }

    /** One line per SE: storage id, URL, mode and site, e.g. {@code se-rw-b  https://127.0.0.1:8012  rw, site b}. */
    static String storageElements(List<LocalStack.StorageElement> storageElements) {
        int idWidth = storageElements.stream().mapToInt(se -> se.storageId().length()).max().orElse(0);
        int urlWidth = storageElements.stream().mapToInt(se -> se.url().length()).max().orElse(0);
        String line = "  %-" + idWidth + "s  %-" + urlWidth + "s  %s, site %s";
        return storageElements.stream()
                .map(se -> line.formatted(se.storageId(), se.url(), se.mode(), se.site()))
                .collect(Collectors.joining("\n"));
    }
}
