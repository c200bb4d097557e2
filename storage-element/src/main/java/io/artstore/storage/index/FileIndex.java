package io.artstore.storage.index;

import java.time.Instant;
import java.util.ArrayList;
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
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.FileStatus;

/**
 * In-memory index of all sidecars: lookup by id, listing in upload order (oldest first,
 * ties by id, so paging is stable while files are added), counts per status and bytes
 * stored. Rebuilt from disk at start and by reconcile, updated synchronously by every
 * mutation after its sidecar is durable.
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
            removeUnlocked(attributes.fileId());
            byId.put(attributes.fileId(), attributes);
            SortKey key = SortKey.of(attributes);
            all.put(key, attributes);
            byStatus.get(attributes.status()).put(key, attributes);
            usedBytes += attributes.size();
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

    public List<FileAttributes> snapshot() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(all.values());
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
        byId.put(attributes.fileId(), attributes);
        SortKey key = SortKey.of(attributes);
        all.put(key, attributes);
        byStatus.get(attributes.status()).put(key, attributes);
        usedBytes += attributes.size();
    }

    private void removeUnlocked(UUID fileId) {
        FileAttributes previous = byId.remove(fileId);
        if (previous != null) {
            SortKey key = SortKey.of(previous);
            all.remove(key);
            byStatus.get(previous.status()).remove(key);
            usedBytes -= previous.size();
        }
    }
}
