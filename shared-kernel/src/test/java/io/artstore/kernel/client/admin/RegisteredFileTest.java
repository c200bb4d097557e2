package io.artstore.kernel.client.admin;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** admin-module's registration answer as its callers read it, from older and newer admin-modules. */
class RegisteredFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID FILE = UUID.fromString("6f1d2c3b-4a59-4e8f-9d7c-0b1a2e3f4d5c");
    private static final UUID SE = UUID.fromString("11111111-2222-3333-4444-555555555555");

    @Test
    void copiesWantedAndCopiesAreRead() {
        RegisteredFile file = RegisteredFile.of(JSON.readTree("""
                {"file_id":"%s","copies_wanted":2,"some_later_field":{"x":1},
                 "copies":[{"storage_element_id":"%s","status":"ok","verified_at":"2026-12-07T12:00:00Z"},
                           {"storage_element_id":"%s","status":"pending","verified_at":null}]}
                """.formatted(FILE, SE, UUID.randomUUID())));

        assertThat(file.fileId()).isEqualTo(FILE);
        assertThat(file.copiesWanted()).isEqualTo(2);
        assertThat(file.copies()).hasSize(2);
        assertThat(file.copies().getFirst()).isEqualTo(
                new RegisteredFile.Copy(SE, "ok", Instant.parse("2026-12-07T12:00:00Z")));
        assertThat(file.okCopies()).isEqualTo(1);
    }

    @Test
    void anOlderAdminModuleWithoutCopiesSaysNothingAboutThem() {
        RegisteredFile file = RegisteredFile.of(JSON.readTree("{\"file_id\":\"" + FILE + "\",\"storage_element_id\":\"" + SE + "\"}"));

        assertThat(file.fileId()).isEqualTo(FILE);
        assertThat(file.copiesWanted()).isNull();
        assertThat(file.copies()).isEmpty();
        assertThat(file.okCopies()).isZero();
    }

    @Test
    void malformedCopyFieldsAreLeftOutNotFatal() {
        RegisteredFile file = RegisteredFile.of(JSON.readTree("""
                {"file_id":"not-a-uuid","copies_wanted":"two","copies":[{"storage_element_id":7,"verified_at":"yesterday"}]}
                """));

        assertThat(file.fileId()).isNull();
        assertThat(file.copiesWanted()).isNull();
        assertThat(file.copies()).singleElement().isEqualTo(new RegisteredFile.Copy(null, null, null));
        assertThat(RegisteredFile.of(null).copies()).isEmpty();
    }
}
