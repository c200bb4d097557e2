package io.artstore.ui.storage;

/**
 * How far the drain of a storage element is (admin-module's {@code drain} object of an SE
 * being drained): {@code filesRemaining} of its {@code filesTotal} files do not yet have
 * their wanted copies elsewhere.
 */
public record DrainProgress(long filesTotal, long filesRemaining) {

    /** Files already safe elsewhere. */
    public long filesDone() {
        return Math.max(0, filesTotal - Math.max(0, filesRemaining));
    }

    /** Share of the files already safe elsewhere, 0..100 (100 for an SE without files). */
    public long donePercent() {
        if (filesTotal <= 0) {
            return 100;
        }
        return Math.max(0, Math.min(100, Math.round(filesDone() * 100.0 / filesTotal)));
    }

    /** Nothing left to copy: the SE can be removed without a file falling below its wanted copies. */
    public boolean complete() {
        return filesRemaining <= 0;
    }
}
