package io.artstore.storage.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.files.DownloadService;
import io.artstore.storage.files.FileLocks;
import io.artstore.storage.files.FileMutations;
import io.artstore.storage.files.FileService;
import io.artstore.storage.files.UploadService;
import io.artstore.storage.files.UploadWriters;
import io.artstore.storage.gc.GarbageCollector;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.index.IndexLoader;
import io.artstore.storage.index.SidecarScanner;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.reconcile.ReconcileService;
import io.artstore.storage.wal.WalOperation;
import io.artstore.storage.wal.WalRecovery;
import io.artstore.storage.wal.WriteAheadLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the storage engine. Order at start: directories → WAL recovery → index from the
 * sidecars → services; all before the web server accepts a request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

    /** What startup recovery did, kept for metrics. */
    public record RecoveryResult(Map<WalOperation, Map<WalRecovery.Outcome, Integer>> counts) {
    }

    @Bean
    StorageLayout storageLayout(StorageProperties properties) {
        return StorageLayout.of(properties);
    }

    @Bean
    AttrStore attrStore(StorageLayout layout) {
        return new AttrStore(layout);
    }

    @Bean
    WriteAheadLog writeAheadLog(StorageLayout layout) {
        return new WriteAheadLog(layout.walDir());
    }

    @Bean
    RecoveryResult walRecovery(StorageLayout layout, WriteAheadLog wal, AttrStore attrStore) {
        try {
            return new RecoveryResult(new WalRecovery(layout, wal, attrStore).recover());
        } catch (IOException ex) {
            throw new UncheckedIOException("WAL recovery failed", ex);
        }
    }

    @Bean
    SidecarScanner sidecarScanner(StorageLayout layout, AttrStore attrStore) {
        return new SidecarScanner(layout, attrStore);
    }

    @Bean
    FileIndex fileIndex(RecoveryResult recovered, SidecarScanner scanner, StorageLayout layout) {
        return IndexLoader.load(scanner, layout);
    }

    @Bean
    ModeService modeService(StorageLayout layout, StorageProperties properties, Clock clock) {
        return new ModeService(layout, properties.mode(), clock);
    }

    @Bean
    CapacityService capacityService(FileIndex index, StorageLayout layout, StorageProperties properties) {
        return new CapacityService(index, layout, properties.maxCapacity());
    }

    @Bean
    StorageMetrics storageMetrics(MeterRegistry registry, FileIndex index, CapacityService capacity, ModeService modes,
                                  WriteAheadLog wal, RecoveryResult recovered) {
        StorageMetrics metrics = new StorageMetrics(registry, index, capacity, modes, wal);
        metrics.walRecovered(recovered.counts());
        return metrics;
    }

    @Bean
    FileLocks fileLocks() {
        return new FileLocks();
    }

    @Bean
    UploadWriters uploadWriters(MeterRegistry registry) {
        return UploadWriters.start(registry);
    }

    @Bean
    FileMutations fileMutations(StorageLayout layout, WriteAheadLog wal, AttrStore attrStore, FileIndex index,
                                CapacityService capacity, Clock clock, UploadWriters writers) {
        return new FileMutations(layout, wal, attrStore, index, capacity, clock, writers);
    }

    @Bean
    UploadService uploadService(FileMutations mutations, ModeService modes, CapacityService capacity,
                                StorageMetrics metrics, Clock clock, StorageProperties properties) {
        return new UploadService(mutations, modes, capacity, metrics, clock, properties);
    }

    @Bean
    FileService fileService(FileIndex index, FileMutations mutations, FileLocks locks, ModeService modes) {
        return new FileService(index, mutations, locks, modes);
    }

    @Bean
    DownloadService downloadService(FileIndex index, StorageLayout layout, ModeService modes, StorageMetrics metrics) {
        return new DownloadService(index, layout, modes, metrics);
    }

    @Bean
    GarbageCollector garbageCollector(FileIndex index, FileMutations mutations, FileLocks locks, ModeService modes,
                                      StorageMetrics metrics, Clock clock) {
        return new GarbageCollector(index, mutations, locks, modes, metrics, clock);
    }

    @Bean
    ReconcileService reconcileService(StorageLayout layout, SidecarScanner scanner, FileIndex index,
                                      FileMutations mutations, WriteAheadLog wal, StorageMetrics metrics, Clock clock) {
        return new ReconcileService(layout, scanner, index, mutations, wal, metrics, clock);
    }
}
