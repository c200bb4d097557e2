package io.artstore.storage.info;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An opaque id of the file system a directory lives on: equal for two storage elements
 * whose data directories share one file system, different otherwise, so that admin tools
 * count a shared disk's size and free space once.
 *
 * <p>It hashes the kernel's boot id, the device number ({@code st_dev}) and the file
 * store's name and type. A device number alone is only unique within one kernel
 * ({@code /dev/sda1} is {@code 8:1} on every host), hence the boot id, which every
 * container of one host shares. The hash keeps device and host details private. It
 * changes when the host reboots (all SEs of that host change together), and is absent
 * where the attributes are not available (not Linux): each SE then counts alone.
 */
public final class FilesystemId {

    static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private FilesystemId() {
    }

    /** The id of the file system of {@code directory}, or empty when this platform cannot tell. */
    public static Optional<String> of(Path directory) {
        return of(directory, BOOT_ID);
    }

    static Optional<String> of(Path directory, Path bootIdFile) {
        try {
            Object device = Files.getAttribute(directory, "unix:dev");
            String bootId = Files.readString(bootIdFile, StandardCharsets.US_ASCII).strip();
            if (device == null || bootId.isEmpty()) {
                return Optional.empty();
            }
            FileStore store = Files.getFileStore(directory);
            String key = String.join("\n", bootId, device.toString(), store.name(), store.type());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            // 128 bits: plenty against accidental collisions, short enough to read in a table.
            return Optional.of(HexFormat.of().formatHex(digest, 0, 16));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException ex) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
        }
    }
}
