package io.artstore.storage.index;

import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.wal.RecoveryResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-memory index, built from the sidecars once WAL recovery is done. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean
    SidecarScanner sidecarScanner(StorageLayout layout, AttrStore attrStore) {
        return new SidecarScanner(layout, attrStore);
    }

    // RecoveryResult: the index must read the sidecars only after recovery repaired them
    @Bean
    FileIndex fileIndex(RecoveryResult recovered, SidecarScanner scanner, StorageLayout layout) {
        return IndexLoader.load(scanner, layout);
    }
}
