package io.artstore.storage.attr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.artstore.storage.config.StorageProperties;

/**
 * Where things live on disk: data files and {@code <data file>.attr.json} sidecars in the
 * data directory, temporary files in its hidden {@code .incoming} directory (same file
 * system, so renames are atomic), {@code mode.json} in the data directory and WAL entries
 * in the WAL directory.
 */
public final class StorageLayout {

    public static final String ATTR_SUFFIX = ".attr.json";
    public static final String INCOMING = ".incoming";
    public static final String MODE_FILE = "mode.json";

    private final Path dataDir;
    private final Path walDir;
    private final Path incomingDir;

    public StorageLayout(Path dataDir, Path walDir) {
        this.dataDir = dataDir;
        this.walDir = walDir;
        this.incomingDir = dataDir.resolve(INCOMING);
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(walDir);
            Files.createDirectories(incomingDir);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot create storage directories", ex);
        }
    }

    public static StorageLayout of(StorageProperties properties) {
        return new StorageLayout(properties.dataPath(), properties.walPath());
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path walDir() {
        return walDir;
    }

    public Path incomingDir() {
        return incomingDir;
    }

    public Path modeFile() {
        return dataDir.resolve(MODE_FILE);
    }

    public Path dataFile(String storageFilename) {
        return resolveInside(dataDir, storageFilename);
    }

    public Path attrFile(String storageFilename) {
        return resolveInside(dataDir, storageFilename + ATTR_SUFFIX);
    }

    public Path incomingFile(String name) {
        return resolveInside(incomingDir, name);
    }

    /** True for a name in the data directory that is a sidecar. */
    public static boolean isAttrName(String name) {
        return name.endsWith(ATTR_SUFFIX) && name.length() > ATTR_SUFFIX.length();
    }

    /** True for names in the data directory that are neither data files nor sidecars. */
    public static boolean isReservedName(String name) {
        return name.startsWith(".") || MODE_FILE.equals(name);
    }

    public static String dataNameOfAttr(String attrName) {
        return attrName.substring(0, attrName.length() - ATTR_SUFFIX.length());
    }

    private static Path resolveInside(Path dir, String name) {
        Path resolved = dir.resolve(name).normalize();
        if (!resolved.getParent().equals(dir) || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("Not a plain file name: " + name);
        }
        return resolved;
    }
}
