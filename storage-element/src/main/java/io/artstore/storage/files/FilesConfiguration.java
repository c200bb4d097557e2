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
import tools.jackson.databind.json.JsonMapper;

/** The file API's services over the store. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    @Bean
    UploadService uploadService(FileStore store, ModeService modes, CapacityService capacity,
                                StorageMetrics metrics, Clock clock, StorageProperties properties) {
        return new UploadService(store, modes, capacity, metrics, clock, properties);
    }

    @Bean
    CopyService copyService(FileStore store, FileIndex index, StorageLayout layout, ModeService modes,
                            CapacityService capacity, StorageMetrics metrics, Clock clock, StorageProperties properties,
                            JsonMapper json) {
        return new CopyService(store, index, layout, modes, capacity, metrics, clock, properties, json);
    }

    @Bean
    FileService fileService(FileIndex index, FileStore store, ModeService modes, Clock clock) {
        return new FileService(index, store, modes, clock);
    }

    @Bean
    DownloadService downloadService(FileIndex index, StorageLayout layout, ModeService modes, StorageMetrics metrics) {
        return new DownloadService(index, layout, modes, metrics);
    }
}
