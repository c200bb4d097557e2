package io.artstore.kernel.client.storage;

import java.util.List;

/**
 * The form fields of an upload to a storage element, sent before the file bytes.
 *
 * @param uploadedBy the end user the upload is made for (honoured by the SE for trusted writers)
 */
public record SeUpload(
        String originalFilename,
        String contentType,
        String description,
        List<String> tags,
        String retentionPolicy,
        Integer ttlDays,
        String uploadedBy) {
}
