package io.artstore.ui.files;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.kernel.contract.CopyStatus;

/**
 * The copies of a file as the details dialog shows them: each with its SE's name (the id
 * when the SE is not in the registry list) and whether that SE is being drained, and the
 * count of healthy copies against the wanted one. A copy is healthy as admin-module counts
 * it: status {@code ok} on an SE that is not being drained.
 *
 * @param reported false when admin-module did not report copies (an older one)
 */
public record FileCopies(boolean reported, List<Row> rows, long healthy, Integer wanted) {

    /** One copy. {@code seName} is null when the SE is unknown to the registry list. */
    public record Row(String storageElementId, String seName, String site, String status, Instant verifiedAt,
                      boolean seDraining) {

        /** The key suffix of its status (CSS class and message): the contract value, "unknown" for anything else. */
        public String statusKey() {
            return CopyStatus.parse(status).filter(s -> s.value().equals(status)).map(CopyStatus::value)
                    .orElse("unknown");
        }

        public boolean healthy() {
            return CopyStatus.OK.value().equals(status) && !seDraining;
        }
    }

    public static FileCopies of(FileRecord file, Map<String, StorageElementRecord> elements) {
        if (file.copies() == null) {
            return new FileCopies(false, List.of(), 0, file.copiesWanted());
        }
        List<Row> rows = file.copies().stream().map(copy -> {
            StorageElementRecord se = copy.storageElementId() == null ? null : elements.get(copy.storageElementId());
            return new Row(copy.storageElementId(), se == null ? null : se.name(), se == null ? null : se.site(),
                    copy.status(), copy.verifiedAt(), se != null && se.drainRequestedAt() != null);
        }).toList();
        return new FileCopies(true, rows, rows.stream().filter(Row::healthy).count(), file.copiesWanted());
    }

    /** Fewer healthy copies than wanted (unknown wanted: not flagged). */
    public boolean belowWanted() {
        return reported && wanted != null && healthy < wanted;
    }
}
