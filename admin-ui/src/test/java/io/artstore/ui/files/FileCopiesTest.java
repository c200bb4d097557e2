package io.artstore.ui.files;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.kernel.client.admin.StorageElementRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileCopiesTest {

    private static StorageElementRecord se(UUID id, String name, Instant drainRequestedAt) {
        return new StorageElementRecord(id, name, "https://se", "se", "rw", "online", 100, 10, 90L, null, null, null,
                null, null, null, null, "a", drainRequestedAt, null);
    }

    private static FileRecord file(Integer wanted, List<FileCopy> copies) {
        return new FileRecord(UUID.randomUUID().toString(), "a.txt", "text/plain", 1L, "ab", null, "sa", Instant.now(),
                null, List.of(), "active", "permanent", null, null, null, null, wanted, copies);
    }

    @Test
    void healthyCopiesAreOkOnSesNotBeingDrained() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        String gone = UUID.randomUUID().toString();
        Map<String, StorageElementRecord> elements = Map.of(a.toString(), se(a, "SE A", null),
                b.toString(), se(b, "SE B", Instant.now()), c.toString(), se(c, "SE C", null));
        FileCopies copies = FileCopies.of(file(2, List.of(new FileCopy(a.toString(), "ok", Instant.now()),
                new FileCopy(b.toString(), "ok", null), new FileCopy(c.toString(), "corrupt", null),
                new FileCopy(gone, "missing", null))), elements);

        assertThat(copies.reported()).isTrue();
        assertThat(copies.healthy()).isEqualTo(1);
        assertThat(copies.belowWanted()).isTrue();
        assertThat(copies.rows()).extracting(FileCopies.Row::seName).containsExactly("SE A", "SE B", "SE C", null);
        assertThat(copies.rows()).extracting(FileCopies.Row::seDraining).containsExactly(false, true, false, false);
        assertThat(copies.rows()).extracting(FileCopies.Row::statusKey).containsExactly("ok", "ok", "corrupt", "missing");
    }

    @Test
    void enoughCopiesAndUnknownValues() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Map<String, StorageElementRecord> elements = Map.of(a.toString(), se(a, "A", null), b.toString(), se(b, "B", null));
        FileCopies two = FileCopies.of(file(2, List.of(new FileCopy(a.toString(), "ok", null),
                new FileCopy(b.toString(), "ok", null))), elements);
        assertThat(two.healthy()).isEqualTo(2);
        assertThat(two.belowWanted()).isFalse();

        FileCopies odd = FileCopies.of(file(null, List.of(new FileCopy(a.toString(), "OK", null))), elements);
        assertThat(odd.rows().getFirst().statusKey()).as("only the contract's exact values").isEqualTo("unknown");
        assertThat(odd.belowWanted()).as("wanted unknown").isFalse();

        FileCopies older = FileCopies.of(file(null, null), elements);
        assertThat(older.reported()).isFalse();
        assertThat(older.belowWanted()).isFalse();
    }
}
