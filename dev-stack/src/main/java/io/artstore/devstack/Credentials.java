package io.artstore.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The secrets of a local stack, kept in {@code <data dir>/credentials.json} (owner-only) so
 * restarts reuse them: the initial admin's password and each service account's client id
 * and secret (admin-module shows a secret only once).
 */
public final class Credentials {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Stored stored;

    private Credentials(Path file, Stored stored) {
        this.file = file;
        this.stored = stored;
    }

    /** One service account's credentials. */
    public record Client(String clientId, String clientSecret) {
    }

    record Stored(String adminUsername, String adminPassword, Map<String, Client> serviceAccounts) {
    }

    public static Credentials load(Path dataDir) {
        Path file = dataDir.resolve("credentials.json");
        try {
            if (Files.isRegularFile(file)) {
                Stored stored = JSON.readValue(file.toFile(), Stored.class);
                return new Credentials(file, new Stored(stored.adminUsername(), stored.adminPassword(),
                        new LinkedHashMap<>(stored.serviceAccounts())));
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            Credentials created = new Credentials(file, new Stored("admin",
                    "Adm1n-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random), new LinkedHashMap<>()));
            created.save();
            return created;
        } catch (tools.jackson.core.JacksonException ex) {
            throw new IllegalStateException("Cannot read " + file + "; fix or delete it", ex);
        }
    }

    public String adminUsername() {
        return stored.adminUsername();
    }

    public String adminPassword() {
        return stored.adminPassword();
    }

    public Client client(String name) {
        return stored.serviceAccounts().get(name);
    }

    public Map<String, Client> clients() {
        return Map.copyOf(stored.serviceAccounts());
    }

    void put(String name, Client client) {
        stored.serviceAccounts().put(name, client);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("credentials.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), stored);
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + file, ex);
        }
    }
}
