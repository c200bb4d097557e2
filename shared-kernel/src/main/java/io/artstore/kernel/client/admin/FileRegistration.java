package io.artstore.kernel.client.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Registration of an uploaded file in admin-module's registry (contract FileRegisterRequest,
 * extended with {@code uploaded_by} and {@code uploaded_at} so the registry records the end
 * user and the SE's upload time rather than the ingester's identity).
 */
public record FileRegistration(
        UUID fileId,
        String originalFilename,
        String contentType,
        long size,
        String checksum,
        UUID storageElementId,
        String description,
        List<String> tags,
        String retentionPolicy,
        Integer ttlDays,
        String uploadedBy,
        Instant uploadedAt) {
}
