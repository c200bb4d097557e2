package io.artstore.storage.store;

import java.time.Clock;

import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.wal.WriteAheadLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A real {@link FileStore} over a layout, for unit tests of its users outside this package. */
public final class TestFileStores {

    private TestFileStores() {
    }

    public static FileStore create(StorageLayout layout, FileIndex index, Clock clock) {
        return new FileStore(layout, new WriteAheadLog(layout.walDir()), new AttrStore(layout), index,
                new CapacityService(index, layout, null), clock, UploadWriters.start(new SimpleMeterRegistry()),
                new FileLocks());
    }
}
