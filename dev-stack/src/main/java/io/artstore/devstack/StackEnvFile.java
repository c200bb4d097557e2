package io.artstore.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <data dir>/stack.env}: the running stack's URLs and credentials as shell variables,
 * so the README's examples work after {@code source .artstore/stack.env}.
 */
final class StackEnvFile {

    private StackEnvFile() {
    }

    static void write(Path file, LocalStack stack) {
        Credentials c = stack.credentials();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("ADMIN_URL", stack.adminUrl());
        vars.put("INGEST_URL", stack.ingesterUrl());
        vars.put("QUERY_URL", stack.queryUrl());
        vars.put("UI_URL", stack.uiUrl());
        vars.put("SE_EDIT_URL", stack.seEditUrl());
        vars.put("SE_RW_URL", stack.seRwUrl());
        vars.put("SE_RW_B_URL", stack.seRwBUrl());
        vars.put("SE_CA_CERT", stack.certificates().caCert().toString());
        // process ids of the SEs, so the README can show a download surviving a stopped SE (kill $SE_RW_PID)
        for (LocalStack.StorageElement se : stack.storageElements()) {
            vars.put(se.storageId().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PID",
                    Long.toString(stack.process(se.process()).pid()));
        }
        vars.put("ADMIN_USER", c.adminUsername());
        vars.put("ADMIN_PASSWORD", c.adminPassword());
        vars.put("INGEST_CLIENT_ID", c.client("ingest").clientId());
        vars.put("INGEST_CLIENT_SECRET", c.client("ingest").clientSecret());
        vars.put("SEARCH_CLIENT_ID", c.client("search").clientId());
        vars.put("SEARCH_CLIENT_SECRET", c.client("search").clientSecret());
        StringBuilder text = new StringBuilder("# ArtStore local stack: URLs and credentials (written at every start)\n");
        vars.forEach((name, value) -> text.append("export ").append(name).append("='")
                .append(value.replace("'", "'\\''")).append("'\n"));
        try {
            Files.writeString(file, text);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + file, ex);
        }
    }
}
