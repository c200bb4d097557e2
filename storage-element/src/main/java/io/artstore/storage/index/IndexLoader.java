package io.artstore.storage.index;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the index at start from the sidecars (after WAL recovery). */
public final class IndexLoader {

    private static final Logger log = LoggerFactory.getLogger(IndexLoader.class);

    private IndexLoader() {
    }

    public static FileIndex load(SidecarScanner scanner, StorageLayout layout) {
        long started = System.nanoTime();
        SidecarScanner.Scan scan = scanner.scan();
        List<FileAttributes> files = new ArrayList<>(scan.sidecars().size());
        int skipped = scan.unreadable().size();
        for (SidecarScanner.Sidecar sidecar : scan.sidecars()) {
            if (sidecar.consistentName() && Files.exists(layout.dataFile(sidecar.attributes().storageFilename()))) {
                files.add(sidecar.attributes());
            } else {
                skipped++;
            }
        }
        FileIndex index = new FileIndex();
        index.replaceAll(files);
        log.info("Index built from {} sidecars in {} ms ({} skipped; run reconcile for details)", files.size(),
                (System.nanoTime() - started) / 1_000_000, skipped);
        return index;
    }
}
