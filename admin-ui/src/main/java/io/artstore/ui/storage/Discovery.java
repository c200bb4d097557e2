package io.artstore.ui.storage;

/** What an SE reports about itself (discover, creates nothing). */
public record Discovery(String storageId, String mode, String status, String version, Capacity capacity) {

    public record Capacity(Long totalBytes, Long usedBytes, Long availableBytes) {
    }
}
