package io.artstore.storage.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;

/**
 * Reads every sidecar of the data directory in parallel. Used to build the index at
 * start and by reconcile.
 */
public class SidecarScanner {

    /** What a scan found: readable sidecars, unreadable ones, and plain data files. */
    public record Scan(List<Sidecar> sidecars, List<String> unreadable, List<String> dataFiles) {
    }

    /** A readable sidecar and the name it was found under. */
    public record Sidecar(String attrName, FileAttributes attributes) {
        /** True when the sidecar names the data file it sits next to. */
        public boolean consistentName() {
            return StorageLayout.dataNameOfAttr(attrName).equals(attributes.storageFilename());
        }
    }

    private final StorageLayout layout;
    private final AttrStore attrStore;

    public SidecarScanner(StorageLayout layout, AttrStore attrStore) {
        this.layout = layout;
        this.attrStore = attrStore;
    }

    public Scan scan() {
        List<String> attrNames = new ArrayList<>();
        List<String> dataNames = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.dataDir())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (StorageLayout.isReservedName(name) || !Files.isRegularFile(entry)) {
                    continue;
                }
                (StorageLayout.isAttrName(name) ? attrNames : dataNames).add(name);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot list the data directory", ex);
        }
        ConcurrentLinkedQueue<Sidecar> sidecars = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unreadable = new ConcurrentLinkedQueue<>();
        attrNames.parallelStream().forEach(name -> {
            try {
                sidecars.add(new Sidecar(name, attrStore.read(layout.dataDir().resolve(name))));
            } catch (IOException ex) {
                unreadable.add(name);
            }
        });
        return new Scan(new ArrayList<>(sidecars), new ArrayList<>(unreadable), dataNames);
    }
}
