package io.artstore.query.support;

import java.util.UUID;

/**
 * A storage element the download tests run against. Today {@link SeStandIn} (a small
 * contract-faithful stand-in); once the storage-element module exists, a real SE process
 * implements this too and the download tests switch by changing the factory call.
 */
public interface TestStorageElement extends AutoCloseable {

    /** Base URL as admin-module would register it. */
    String baseUrl();

    /** Puts a file on the storage element, as an upload would. */
    StoredFile store(String filename, String contentType, byte[] content);

    /** Makes the storage element no longer have the file (deleted and collected): downloads answer 404. */
    void forget(UUID fileId);

    /** Download requests the storage element has received so far. */
    int downloadRequests();

    /** {@code Authorization} header of the latest request. */
    String lastAuthorization();

    @Override
    void close();

    /** What the storage element stored. */
    record StoredFile(UUID fileId, String checksum, long size, String filename, String contentType) {
    }
}
