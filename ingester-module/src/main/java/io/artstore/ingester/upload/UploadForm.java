package io.artstore.ingester.upload;

import java.util.List;

/** The validated form fields of an upload, known before the first file byte is forwarded. */
public record UploadForm(String description, List<String> tags, RetentionPolicy retentionPolicy, Integer ttlDays) {

    public enum RetentionPolicy {
        TEMPORARY("temporary", "edit"), PERMANENT("permanent", "rw");

        private final String value;
        private final String seMode;

        RetentionPolicy(String value, String seMode) {
            this.value = value;
            this.seMode = seMode;
        }

        public String value() {
            return value;
        }

        /** The storage-element mode that stores files of this policy. */
        public String seMode() {
            return seMode;
        }
    }
}
