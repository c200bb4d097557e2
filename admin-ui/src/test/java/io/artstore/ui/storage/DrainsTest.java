package io.artstore.ui.storage;

import java.time.Instant;
import java.util.UUID;

import io.artstore.kernel.client.admin.StorageElementRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DrainsTest {

    private static StorageElementRecord se(String name, Instant drainRequestedAt) {
        return new StorageElementRecord(UUID.randomUUID(), name, "https://se", "se-1", "rw", "online", 100, 10, 90L, null,
                null, null, null, null, null, null, null, drainRequestedAt, null);
    }

    @Test
    void onlyTheExactNameStartsADrain() {
        StorageElementRecord se = se("Moscow SE 01", null);
        assertThat(Drains.refusal(se, "Moscow SE 01")).isEmpty();
        assertThat(Drains.refusal(se, "  Moscow SE 01\n")).as("a pasted name's blanks").isEmpty();
        assertThat(Drains.refusal(se, "moscow se 01")).contains(Drains.Refusal.NAME_MISMATCH);
        assertThat(Drains.refusal(se, "Moscow")).contains(Drains.Refusal.NAME_MISMATCH);
        assertThat(Drains.refusal(se, "")).contains(Drains.Refusal.NAME_MISMATCH);
        assertThat(Drains.refusal(se, null)).contains(Drains.Refusal.NAME_MISMATCH);
    }

    @Test
    void aDrainingSeIsNotDrainedAgain() {
        StorageElementRecord se = se("SE", Instant.now());
        assertThat(Drains.draining(se)).isTrue();
        assertThat(Drains.refusal(se, "SE")).contains(Drains.Refusal.ALREADY_DRAINING);
    }

    @Test
    void progressCountsTheFilesAlreadySafeElsewhere() {
        assertThat(new DrainProgress(200, 50).donePercent()).isEqualTo(75);
        assertThat(new DrainProgress(200, 50).filesDone()).isEqualTo(150);
        assertThat(new DrainProgress(200, 50).complete()).isFalse();
        assertThat(new DrainProgress(0, 0).donePercent()).isEqualTo(100);
        assertThat(new DrainProgress(3, 0).complete()).isTrue();
        assertThat(new DrainProgress(3, 7).donePercent()).as("remaining above total (counts of two moments)").isZero();
    }

    @Test
    void anOwnLabelIsNotTheDefaultId() {
        UUID id = UUID.randomUUID();
        StorageElementRecord labelled = new StorageElementRecord(id, "SE", "u", "s", "rw", "online", 1, 0, null, null,
                null, null, null, null, null, null, "dc-a", null, null);
        StorageElementRecord unlabelled = new StorageElementRecord(id, "SE", "u", "s", "rw", "online", 1, 0, null, null,
                null, null, null, null, null, null, id.toString(), null, null);
        assertThat(StorageController.ownLabel(labelled)).isEqualTo("dc-a");
        assertThat(StorageController.ownLabel(unlabelled)).isEmpty();
    }
}
