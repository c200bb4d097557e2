package io.artstore.devstack;

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
                  admin-module     %s   (tokens, registries; API docs at /swagger-ui.html)
                  ingester-module  %s   (uploads)
                  query-module     %s   (search, metadata, downloads)
                  storage elements %s (edit), %s (rw) — HTTPS, CA at %s
                  PostgreSQL       %s (user postgres, password postgres)

                Service accounts (client id / secret):
                  ingest  (files:write)  %s  %s
                  search  (files:read)   %s  %s

                Data, logs and credentials.json: %s
                Shell variables for the README examples:  source %s/stack.env
                """.formatted(stack.uiUrl(), c.adminUsername(), c.adminPassword(), stack.adminUrl(),
                stack.ingesterUrl(), stack.queryUrl(), stack.seEditUrl(), stack.seRwUrl(), stack.certificates().caCert(),
                stack.jdbcUrl(), ingest.clientId(), ingest.clientSecret(), search.clientId(), search.clientSecret(),
                options.dataDir().toAbsolutePath(), options.dataDir());
    }
}
