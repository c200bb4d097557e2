package io.artstore.storage.wal;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.StorageLayout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The write-ahead log, and startup recovery from it before anything reads the data directory. */
@Configuration(proxyBeanMethods = false)
class WalConfiguration {

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
}
