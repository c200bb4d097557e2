package io.artstore.storage.files;

import java.time.Clock;

import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.config.StorageProperties;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.store.FileStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file API's services over the store. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    @Bean
    UploadService uploadService(FileStore store, ModeService modes, CapacityService capacity,
                                StorageMetrics metrics, Clock clock, StorageProperties properties) {
        return new UploadService(store, modes, capacity, metrics, clock, properties);
    }

    @Bean
    FileService fileService(FileIndex index, FileStore store, ModeService modes) {
        return new FileService(index, store, modes);
    }

    @Bean
    DownloadService downloadService(FileIndex index, StorageLayout layout, ModeService modes, StorageMetrics metrics) {
        return new DownloadService(index, layout, modes, metrics);
    }
}
