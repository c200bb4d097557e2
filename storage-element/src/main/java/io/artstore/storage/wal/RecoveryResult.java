package io.artstore.storage.wal;

import java.util.Map;

/** What startup recovery did, kept for metrics; its bean also orders the start (recovery before the index). */
public record RecoveryResult(Map<WalOperation, Map<WalRecovery.Outcome, Integer>> counts) {
}
