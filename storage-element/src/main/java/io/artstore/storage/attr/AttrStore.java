package io.artstore.storage.attr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code attr.json} sidecars. Writes are atomic (temp file, fsync,
 * rename); unknown fields in existing sidecars are tolerated so older servers can read
 * sidecars written by newer ones.
 */
public class AttrStore {

    private final StorageLayout layout;
    private final JsonMapper json;

    public AttrStore(StorageLayout layout) {
        this.layout = layout;
        this.json = mapper();
    }

    /** The JSON mapping used for sidecars and WAL entries: snake_case, ISO-8601 instants. */
    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    public void write(FileAttributes attributes) throws IOException {
        AtomicFiles.write(layout.attrFile(attributes.storageFilename()), toBytes(attributes), layout.incomingDir());
    }

    public FileAttributes read(Path attrFile) throws IOException {
        try {
            FileAttributes attributes = json.readValue(Files.readAllBytes(attrFile), FileAttributes.class);
            validate(attributes);
            return attributes;
        } catch (JacksonException | IllegalArgumentException ex) {
            throw new IOException("Invalid sidecar " + attrFile.getFileName() + ": " + ex.getMessage(), ex);
        }
    }

    public byte[] toBytes(FileAttributes attributes) {
        return json.writeValueAsBytes(attributes);
    }

    private static void validate(FileAttributes a) {
        if (a.fileId() == null || a.storageFilename() == null || a.storageFilename().isBlank()
                || a.status() == null || a.retentionPolicy() == null || a.uploadedAt() == null
                || a.checksum() == null || a.size() < 0) {
            throw new IllegalArgumentException("required fields missing");
        }
    }
}
