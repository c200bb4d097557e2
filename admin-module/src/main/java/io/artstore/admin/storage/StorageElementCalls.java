package io.artstore.admin.storage;

import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

import io.artstore.kernel.client.storage.SeDownload;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.SeModeTransition;
import io.artstore.kernel.client.storage.SeStorageInfo;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.client.storage.StorageElementException;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.paging.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.resilience.annotation.Retryable;

/**
 * admin-module's calls to storage elements, through the shared {@link StorageElementClient}
 * (TLS trust bundle, timeouts, admin-module's own token). Idempotent reads are retried a
 * bounded number of times when the SE is unreachable or answers 5xx ({@code SE_UNAVAILABLE});
 * an SE refusal (4xx, {@link StorageElementException}) is never retried. Mode transitions and
 * writes are not retried: the caller sees the first answer.
 */
public class StorageElementCalls {

    private final StorageElementClient client;

    public StorageElementCalls(StorageElementClient client) {
        this.client = client;
    }

    @Retryable(includes = ApiException.class, excludes = StorageElementException.class,
            maxRetriesString = "${artstore.admin.sync.se-retries:2}",
            delayString = "${artstore.admin.sync.se-retry-delay:500ms}", multiplier = 2, maxDelay = 5000)
    public SeStorageInfo info(String url) {
        return client.info(url);
    }

    @Retryable(includes = ApiException.class, excludes = StorageElementException.class,
            maxRetriesString = "${artstore.admin.sync.se-retries:2}",
            delayString = "${artstore.admin.sync.se-retry-delay:500ms}", multiplier = 2, maxDelay = 5000)
    public Page<SeFileMetadata> listFiles(String url, int limit, int offset) {
        return client.listFiles(url, limit, offset, null);
    }

    public SeModeTransition transition(String url, String targetMode, boolean confirm) {
        return client.transition(url, targetMode, confirm);
    }

    public SeFileMetadata updateMetadata(String url, UUID fileId, Map<String, Object> changes) {
        return client.updateMetadata(url, fileId, changes);
    }

    public void delete(String url, UUID fileId) {
        client.delete(url, fileId);
    }

    /**
     * Opens a download of the whole file (the caller closes it); not retried: the replication job
     * retries the whole copy on its next pass.
     */
    public SeDownload download(String url, UUID fileId) {
        return client.download(url, fileId, new HttpHeaders());
    }

    /** Streams a copy to the SE ({@code POST /api/v1/files/{id}/copy}); the SE verifies the checksum. */
    public SeFileMetadata storeCopy(String url, SeFileMetadata original, InputStream content) {
        return client.storeCopy(url, original, content);
    }
}
