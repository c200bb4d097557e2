package io.artstore.ui.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.artstore.kernel.client.admin.StorageElementRecord;

/**
 * Used, free and total bytes of one storage element or of several, as the UI shows them.
 *
 * <p>Per SE they are what the SE reported: {@code used} the bytes of its files, {@code free}
 * what it can still take ({@code min(its cap - used, free space of its disk)}), {@code total}
 * its cap or its disk's size. Over several SEs, {@code used} is summed (their files are
 * distinct), but SEs reporting one {@code filesystem_id} share a disk whose size and free
 * space must count once: such a group contributes the sum of its SEs' totals (free spaces)
 * bounded by the disk's size (free space). An SE without a file-system id counts alone.
 */
public record Capacity(long usedBytes, long freeBytes, long totalBytes) {

    /** Below this share of free space (of the total) the UI warns. */
    public static final double LOW_FREE_RATIO = 0.10;

    public static Capacity of(StorageElementRecord se) {
        long total = nonNegative(se.capacityBytes());
        long used = nonNegative(se.usedBytes());
        long free = se.availableBytes() != null ? nonNegative(se.availableBytes()) : Math.max(0, total - used);
        return new Capacity(used, free, total);
    }

    /** The total over {@code elements}, every file system counted once. */
    public static Capacity of(Collection<StorageElementRecord> elements) {
        Map<String, List<StorageElementRecord>> byFilesystem = new LinkedHashMap<>();
        List<Capacity> alone = new ArrayList<>();
        for (StorageElementRecord se : elements) {
            String id = se.filesystemId();
            if (id == null || id.isBlank()) {
                alone.add(of(se));
            } else {
                byFilesystem.computeIfAbsent(id, key -> new ArrayList<>()).add(se);
            }
        }
        long used = 0;
        long free = 0;
        long total = 0;
        for (Capacity se : alone) {
            used += se.usedBytes();
            free += se.freeBytes();
            total += se.totalBytes();
        }
        for (List<StorageElementRecord> group : byFilesystem.values()) {
            Capacity shared = ofOneFilesystem(group);
            used += shared.usedBytes();
            free += shared.freeBytes();
            total += shared.totalBytes();
        }
        return new Capacity(used, free, total);
    }

    private static Capacity ofOneFilesystem(List<StorageElementRecord> group) {
        long used = 0;
        long sumFree = 0;
        long sumTotal = 0;
        long maxFree = 0;
        long maxTotal = 0;
        Long diskTotal = null;
        Long diskFree = null;
        for (StorageElementRecord se : group) {
            Capacity own = of(se);
            used += own.usedBytes();
            sumFree += own.freeBytes();
            sumTotal += own.totalBytes();
            maxFree = Math.max(maxFree, own.freeBytes());
            maxTotal = Math.max(maxTotal, own.totalBytes());
            if (se.filesystemTotalBytes() != null) {
                diskTotal = Math.max(diskTotal == null ? 0 : diskTotal, nonNegative(se.filesystemTotalBytes()));
            }
            if (se.filesystemAvailableBytes() != null) {
                // reports of different moments: the smallest free space is the safe one
                diskFree = Math.min(diskFree == null ? Long.MAX_VALUE : diskFree,
                        nonNegative(se.filesystemAvailableBytes()));
            }
        }
        // Without the disk's own numbers the largest SE stands for the disk.
        long total = diskTotal != null ? Math.min(sumTotal, diskTotal) : maxTotal;
        long free = diskFree != null ? Math.min(sumFree, diskFree) : maxFree;
        return new Capacity(used, Math.min(free, total), total);
    }

    /** True when free space is below {@link #LOW_FREE_RATIO} of the total. */
    public boolean low() {
        return totalBytes > 0 && freeBytes < totalBytes * LOW_FREE_RATIO;
    }

    /** Share of the total that is no longer free (ArtStore's files and anything else on the disk), 0..100. */
    public long filledPercent() {
        return totalBytes <= 0 ? 0 : 100 - freePercent();
    }

    /** Share of the total that is free, 0..100. */
    public long freePercent() {
        if (totalBytes <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(100, Math.round(freeBytes * 100.0 / totalBytes)));
    }

    private static long nonNegative(Long value) {
        return value == null ? 0 : Math.max(0, value);
    }
}
