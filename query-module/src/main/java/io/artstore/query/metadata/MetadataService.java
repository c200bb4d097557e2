package io.artstore.query.metadata;

import java.util.UUID;

import io.artstore.kernel.error.ApiException;
import io.artstore.query.schema.SearchSchema;

/** File metadata by id: from the cache, else from the registry. */
public class MetadataService {

    private final FileRegistry registry;
    private final MetadataCache cache;
    private final SearchSchema schema;

    public MetadataService(FileRegistry registry, MetadataCache cache, SearchSchema schema) {
        this.registry = registry;
        this.cache = cache;
        this.schema = schema;
    }

    public FileMetadata get(UUID fileId) {
        return schema.whenReady(() -> cache.get(fileId, registry::find))
                .orElseThrow(() -> ApiException.notFound("File " + fileId + " not found"));
    }

    /** Forgets the cached entry, so the next read sees the registry's current state. */
    public void evict(UUID fileId) {
        cache.evict(fileId);
    }
}
