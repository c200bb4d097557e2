package io.artstore.kernel.client.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.contract.CopyStatus;
import tools.jackson.databind.JsonNode;

/**
 * What admin-module answers to a file registration, as far as its callers need it: the copy
 * count the registry wants for the file and the copies it knows. Read field by field and
 * tolerantly, so that an older admin-module (no copies in its file view) or a newer one
 * (more fields) does not break an upload that is already stored.
 *
 * @param copiesWanted how many {@code ok} copies the registry's copy policy wants (null: admin-module does not say)
 * @param copies       the copies the registry knows (empty: admin-module does not say)
 */
public record RegisteredFile(UUID fileId, Integer copiesWanted, List<Copy> copies) {

    public RegisteredFile {
        copies = copies == null ? List.of() : List.copyOf(copies);
    }

    /** One copy of the file on one storage element. */
    public record Copy(UUID storageElementId, String status, Instant verifiedAt) {
    }

    /** The copies with status {@code ok}. */
    public long okCopies() {
        return copies.stream().filter(copy -> CopyStatus.OK.value().equals(copy.status())).count();
    }

    /** Reads admin-module's file view; unknown, missing or malformed copy fields are left out. */
    public static RegisteredFile of(JsonNode view) {
        if (view == null || !view.isObject()) {
            return new RegisteredFile(null, null, List.of());
        }
        JsonNode wanted = view.path("copies_wanted");
        List<Copy> copies = new ArrayList<>();
        for (JsonNode copy : view.path("copies")) {
            copies.add(new Copy(uuid(copy.path("storage_element_id")), text(copy.path("status")),
                    instant(copy.path("verified_at"))));
        }
        return new RegisteredFile(uuid(view.path("file_id")), wanted.isIntegralNumber() ? wanted.asInt() : null, copies);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static UUID uuid(JsonNode node) {
        try {
            return node.isString() ? UUID.fromString(node.asString()) : null;
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isString() ? Instant.parse(node.asString()) : null;
        } catch (DateTimeParseException ex) {
            return null;
        }
    }
}
