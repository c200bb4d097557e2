package io.artstore.query.support;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes admin-module's registry tables the way admin-module does (plain INSERT/UPDATE
 * statements that know nothing about query-module's indexes).
 */
public final class Registry {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public Registry(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** Registers a storage element at the given base URL; returns its id. */
    public UUID addStorageElement(String name, String url) {
        return addStorageElement(UUID.randomUUID(), name, url);
    }

    public UUID addStorageElement(UUID id, String name, String url) {
        return addStorageElement(id, name, url, "rw", "online");
    }

    /** Registers a storage element in the given mode ({@code rw}, {@code ar}, ...) and status ({@code online}, ...). */
    public UUID addStorageElement(String name, String url, String mode, String status) {
        return addStorageElement(UUID.randomUUID(), name, url, mode, status);
    }

    private UUID addStorageElement(UUID id, String name, String url, String mode, String status) {
        jdbc.sql("""
                        INSERT INTO storage_elements (id, name, url, storage_id, mode, status)
                        VALUES (:id, :name, :url, :storage_id, :mode, :status)""")
                .param("id", id).param("name", name).param("url", url).param("storage_id", name)
                .param("mode", mode).param("status", status)
                .update();
        return id;
    }

    public void setStorageElementUrl(UUID id, String url) {
        jdbc.sql("UPDATE storage_elements SET url = :url, updated_at = now() WHERE id = :id")
                .param("url", url).param("id", id).update();
    }

    public void insert(RegistryFile file) {
        insertAll(List.of(file));
    }

    /**
     * Inserts the files and, as admin-module's registration does, one {@code ok} copy of each on
     * its storage element.
     */
    public void insertAll(List<RegistryFile> files) {
        template.batchUpdate("""
                        INSERT INTO files (file_id, original_filename, content_type, size, checksum, storage_element_id,
                            storage_filename, uploaded_by, uploaded_at, description, tags, status, retention_policy,
                            ttl_days, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                files, 500, (ps, file) -> {
                    ps.setObject(1, file.fileId());
                    ps.setString(2, file.originalFilename());
                    ps.setString(3, file.contentType());
                    ps.setLong(4, file.size());
                    ps.setString(5, file.checksum());
                    ps.setObject(6, file.storageElementId());
                    ps.setString(7, "internal_" + file.fileId() + ".bin");
                    ps.setString(8, file.uploadedBy());
                    ps.setTimestamp(9, Timestamp.from(file.uploadedAt()));
                    ps.setString(10, file.description());
                    ps.setArray(11, ps.getConnection().createArrayOf("text", file.tags().toArray()));
                    ps.setString(12, file.status());
                    ps.setString(13, file.retentionPolicy());
                    ps.setObject(14, file.ttlDays());
                    ps.setTimestamp(15, file.expiresAt() == null ? null : Timestamp.from(file.expiresAt()));
                });
        template.batchUpdate("""
                        INSERT INTO file_copies (file_id, storage_element_id, status, verified_at)
                        VALUES (?, ?, 'ok', now())""",
                files.stream().filter(file -> file.storageElementId() != null).toList(), 500, (ps, file) -> {
                    ps.setObject(1, file.fileId());
                    ps.setObject(2, file.storageElementId());
                });
    }

    /** Adds a copy of a registered file on another storage element, with the given copy status. */
    public void addCopy(UUID fileId, UUID storageElementId, String status) {
        jdbc.sql("""
                        INSERT INTO file_copies (file_id, storage_element_id, status)
                        VALUES (:file_id, :storage_element_id, :status)""")
                .param("file_id", fileId).param("storage_element_id", storageElementId).param("status", status)
                .update();
    }

    public void setCopyStatus(UUID fileId, UUID storageElementId, String status) {
        jdbc.sql("""
                        UPDATE file_copies SET status = :status, updated_at = now()
                        WHERE file_id = :file_id AND storage_element_id = :se""")
                .param("status", status).param("file_id", fileId).param("se", storageElementId).update();
    }

    public String copyStatus(UUID fileId, UUID storageElementId) {
        return jdbc.sql("SELECT status FROM file_copies WHERE file_id = :file_id AND storage_element_id = :se")
                .param("file_id", fileId).param("se", storageElementId).query(String.class).single();
    }

    public void updateDescription(UUID fileId, String description) {
        jdbc.sql("UPDATE files SET description = :description, updated_at = now() WHERE file_id = :id")
                .param("description", description).param("id", fileId).update();
    }

    public String status(UUID fileId) {
        return jdbc.sql("SELECT status FROM files WHERE file_id = :id").param("id", fileId).query(String.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM files").query(Long.class).single();
    }
}
