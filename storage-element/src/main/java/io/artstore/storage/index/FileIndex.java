package io.artstore.storage.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.storage.attr.FileAttributes;

/**
 * In-memory index of all sidecars: lookup by id, listing in upload order (oldest first,
 * ties by id, so paging is stable while files are added), counts per status and bytes
 * stored. Rebuilt from disk at start and by reconcile, updated synchronously by every
 * mutation after its sidecar is durable.
 *
 * <p>Pages far into the listing are cut from an array snapshot of the ordered view, built
 * once per view and version (any mutation makes a new version): a full listing page by page
 * (the registry sync) then costs O(n) instead of O(n²/page) of skipping through the tree.
 */
public class FileIndex {

    private record SortKey(Instant uploadedAt, UUID fileId) implements Comparable<SortKey> {
        private static final Comparator<SortKey> ORDER = Comparator.comparing(SortKey::uploadedAt)
                .thenComparing(SortKey::fileId);

        static SortKey of(FileAttributes a) {
            return new SortKey(a.uploadedAt(), a.fileId());
        }

        @Override
        public int compareTo(SortKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** One page of files and the total matching the filter. */
    public record Slice(List<FileAttributes> items, long total) {
    }

    /** Up to this offset a page is read by walking the tree; beyond it, from a snapshot array. */
    static final int WALK_LIMIT = 2_000;

    private record Snapshot(long version, FileAttributes[] items) {
    }

    /** Snapshots of the ordered views by status name ("" for all), valid while their version is current. */
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    /** Incremented by every mutation (under the write lock). */
    private long version;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<UUID, FileAttributes> byId = new HashMap<>();
    private final NavigableMap<SortKey, FileAttributes> all = new TreeMap<>();
    private final Map<FileStatus, NavigableMap<SortKey, FileAttributes>> byStatus = new EnumMap<>(FileStatus.class);
    private long usedBytes;

    public FileIndex() {
        for (FileStatus status : FileStatus.values()) {
            byStatus.put(status, new TreeMap<>());
        }
    }

    public void put(FileAttributes attributes) {
        lock.writeLock().lock();
        try {
            putUnlocked(attributes);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(UUID fileId) {
        lock.writeLock().lock();
        try {
            removeUnlocked(fileId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces the whole content (startup and reconcile). */
    public void replaceAll(Collection<FileAttributes> files) {
        lock.writeLock().lock();
        try {
            byId.clear();
            all.clear();
            byStatus.values().forEach(Map::clear);
            usedBytes = 0;
            version++;
            files.forEach(this::putUnlocked);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<FileAttributes> get(UUID fileId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(fileId));
        } finally {
            lock.readLock().unlock();
        }
    }

    public Slice page(FileStatus status, int offset, int limit) {
        lock.readLock().lock();
        try {
            NavigableMap<SortKey, FileAttributes> source = status == null ? all : byStatus.get(status);
            if (offset > WALK_LIMIT) {
                FileAttributes[] ordered = snapshot(status == null ? "" : status.name(), source);
                int from = Math.min(offset, ordered.length);
                int to = (int) Math.min((long) from + limit, ordered.length);
                return new Slice(Arrays.asList(Arrays.copyOfRange(ordered, from, to)), source.size());
            }
            List<FileAttributes> items = new ArrayList<>(Math.min(limit, source.size()));
            Iterator<FileAttributes> it = source.values().iterator();
            for (int skipped = 0; skipped < offset && it.hasNext(); skipped++) {
                it.next();
            }
            while (items.size() < limit && it.hasNext()) {
                items.add(it.next());
            }
            return new Slice(items, source.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Called under the read lock: concurrent readers may build the same snapshot, which is harmless. */
    private FileAttributes[] snapshot(String view, NavigableMap<SortKey, FileAttributes> source) {
        Snapshot current = snapshots.get(view);
        if (current == null || current.version() != version) {
            current = new Snapshot(version, source.values().toArray(FileAttributes[]::new));
            snapshots.put(view, current);
        }
        return current.items();
    }

    public List<FileAttributes> snapshot() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(all.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The files of one status, in upload order (a copy). */
    public List<FileAttributes> snapshot(FileStatus status) {
        lock.readLock().lock();
        try {
            return new ArrayList<>(byStatus.get(status).values());
        } finally {
            lock.readLock().unlock();
        }
    }

    public long count(FileStatus status) {
        lock.readLock().lock();
        try {
            return byStatus.get(status).size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bytes of all indexed data files, whatever their status (they occupy disk until GC). */
    public long usedBytes() {
        lock.readLock().lock();
        try {
            return usedBytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void putUnlocked(FileAttributes attributes) {
        removeUnlocked(attributes.fileId());
        version++;
        byId.put(attributes.fileId(), attributes);
        SortKey key = SortKey.of(attributes);
        all.put(key, attributes);
        byStatus.get(attributes.status()).put(key, attributes);
        usedBytes += attributes.size();
    }

    private void removeUnlocked(UUID fileId) {
        FileAttributes previous = byId.remove(fileId);
        if (previous != null) {
            version++;
            SortKey key = SortKey.of(previous);
            all.remove(key);
            byStatus.get(previous.status()).remove(key);
            usedBytes -= previous.size();
        }
    }
}
