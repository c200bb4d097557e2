package io.artstore.storage.store;

import java.time.Clock;

import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.wal.WriteAheadLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storage engine. Only {@link FileStore} is a bean; its locks and upload writer threads
 * are its own (the writers are closed with the context).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    UploadWriters uploadWriters(MeterRegistry registry) {
        return UploadWriters.start(registry);
    }

    @Bean
    FileStore fileStore(StorageLayout layout, WriteAheadLog wal, AttrStore attrStore, FileIndex index,
                        CapacityService capacity, Clock clock, UploadWriters writers) {
        return new FileStore(layout, wal, attrStore, index, capacity, clock, writers, new FileLocks());
    }
}
