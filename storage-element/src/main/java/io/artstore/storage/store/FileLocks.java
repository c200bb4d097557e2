package io.artstore.storage.store;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Striped per-file locks: mutations of one file (update, delete, GC) run one at a time. */
final class FileLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[256];

    FileLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    <T> T withLock(UUID fileId, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(fileId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
