package io.artstore.storage.wal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.artstore.storage.attr.AtomicFiles;
import io.artstore.storage.attr.AttrStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write-ahead log: one durable file per in-flight mutation in the WAL directory.
 * {@link #begin} writes the entry (pending) and fsyncs it before any data is touched;
 * {@link #commit} removes it durably once the mutation is fully in place. Whatever is
 * left in the directory after a crash is exactly the set of unfinished mutations, which
 * {@link WalRecovery} completes or rolls back at the next start.
 */
public class WriteAheadLog {

    static final String SUFFIX = ".wal.json";
    private static final Logger log = LoggerFactory.getLogger(WriteAheadLog.class);

    private final Path walDir;
    private final JsonMapper json = AttrStore.mapper();
    private final Map<String, WalEntry> inFlight = new ConcurrentHashMap<>();

    public WriteAheadLog(Path walDir) {
        this.walDir = walDir;
    }

    /** Records the mutation as pending, durably, before it starts. */
    public WalEntry begin(WalEntry entry) throws IOException {
        inFlight.put(entry.storageFilename(), entry);
        try {
            AtomicFiles.write(file(entry), json.writeValueAsBytes(entry), walDir);
        } catch (IOException | RuntimeException ex) {
            inFlight.remove(entry.storageFilename(), entry);
            throw ex;
        }
        return entry;
    }

    /** Marks the mutation finished (or fully rolled back): its entry is removed durably. */
    public void commit(WalEntry entry) throws IOException {
        AtomicFiles.delete(file(entry));
        inFlight.remove(entry.storageFilename(), entry);
    }

    /** Same as {@link #commit} for a mutation whose effects were undone; never throws. */
    public void abort(WalEntry entry) {
        try {
            commit(entry);
        } catch (IOException ex) {
            log.warn("Cannot remove WAL entry {}; it will be rolled back at the next start", entry.txId(), ex);
        }
    }

    /** Entries left on disk, oldest first: the unfinished mutations (used at startup). */
    public List<WalEntry> pendingOnDisk() throws IOException {
        List<WalEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(walDir, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    entries.add(json.readValue(Files.readAllBytes(file), WalEntry.class));
                } catch (JacksonException ex) {
                    // Entries are written atomically, so an unreadable one was never a valid pending entry.
                    log.warn("Discarding unreadable WAL entry {}", file.getFileName());
                    AtomicFiles.delete(file);
                }
            }
        }
        entries.sort(Comparator.comparing(WalEntry::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries;
    }

    /** Removes temp files of interrupted entry writes. */
    public void cleanTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(walDir, ".tmp-*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        AtomicFiles.syncDirectory(walDir);
    }

    /** True while a mutation of this data file is in progress. */
    public boolean isInFlight(String storageFilename) {
        return inFlight.containsKey(storageFilename);
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    public Path directory() {
        return walDir;
    }

    private Path file(WalEntry entry) {
        return walDir.resolve(entry.txId() + SUFFIX);
    }
}
