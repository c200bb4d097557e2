package io.artstore.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.artstore.system.faults.FaultStack.SE_EDIT;
import static io.artstore.system.faults.FaultStack.SE_RW;
import static io.artstore.system.faults.FaultStack.SE_RW_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL loses everything (the database is dropped and created empty) under a running
 * stack. admin-module starts on the empty database, the stack's bootstrap registers the
 * storage elements again — registration is a full sync — and the registry comes back to
 * 100 % from the SEs' attr.json, with the same metadata.
 */
class DatabaseWipeIT {

    private static final int FILES = 40;
    private static final List<String> FIELDS = List.of("original_filename", "content_type", "size", "checksum",
            "uploaded_by", "uploaded_at", "description", "tags", "status", "retention_policy", "ttl_days", "expires_at");

    private static FaultStack stack;

    @BeforeAll
    static void boot() {
        stack = FaultStack.start("db-wipe", Map.of());
    }

    @AfterAll
    static void shutdown() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void registryIsRebuiltFromTheStorageElementsAfterTheDatabaseIsWiped() {
        TestHttp ingester = stack.ingester(stack.serviceToken("ingest"));
        for (int i = 0; i < FILES; i++) {
            Multipart form = Multipart.form().field("description", "Отчёт № " + i + " / report " + i)
                    .field("tags", "[\"wipe\",\"тег-" + (i % 3) + "\"]");
            form = i % 2 == 0 ? form.field("retention_policy", "permanent") : form.field("ttl_days", Integer.toString(1 + i));
            TestHttp.Response response = FaultStack.upload(ingester,
                    form.file("документ-" + i + ".pdf", "application/pdf", Content.bytes(5_000 + i, 100 + i)));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
        TestHttp admin = stack.admin();
        String editId = FaultStack.storageElementId(admin, stack.seUrl(SE_EDIT));
        String deletedId = FaultStack.registryFiles(admin, editId).keySet().iterator().next();
        TestHttp se = stack.storageElement(stack.seUrl(SE_EDIT), stack.adminToken());
        assertThat(se.delete("/api/v1/files/" + deletedId).status()).isEqualTo(204);
        assertThat(FaultStack.sync(admin, editId).status()).isEqualTo(200);
        // the permanent files get their second copy first, so the copies compared below are settled
        FaultStack.eventually(Duration.ofSeconds(90), () -> {
            admin.postJson("/api/v1/replication/run", "");
            return admin.get("/api/v1/replication/status").json().path("files_under_replicated").asLong(-1) == 0;
        }, "every file with its wanted copies before the wipe");
        Map<String, Map<String, String>> before = records(admin);
        assertThat(before).hasSize(FILES);

        stack.process("admin-module").stop();
        stack.stack().wipeDatabase();
        Instant restart = Instant.now();
        stack.stack().restartAdmin();
        System.out.println("[faults] admin-module on an empty database, SEs registered again, in "
                + Duration.between(restart, Instant.now()).toMillis() + " ms");

        TestHttp fresh = stack.admin();
        assertThat(fresh.get("/api/v1/storage-elements?limit=100").json().path("items"))
                .hasSize(stack.stack().storageElements().size());
        Map<String, Map<String, String>> after = records(fresh);
        assertThat(after.keySet()).as("every file is back in the registry").isEqualTo(before.keySet());
        before.forEach((id, record) -> assertThat(after.get(id)).as("record of %s", id).isEqualTo(record));
        assertThat(after.get(deletedId).get("status")).isEqualTo("\"deleted\"");

        // the rest of the stack works on the rebuilt registry: search finds, download streams, upload registers
        TestHttp query = stack.query(stack.serviceToken("search"));
        String someId = before.keySet().stream().filter(id -> !id.equals(deletedId)).findFirst().orElseThrow();
        assertThat(FaultStack.download(query, "/api/v1/files/" + someId + "/download").status()).isEqualTo(200);
        TestHttp.Response search = query.postJson("/api/v1/search", "{\"query\":\"документ\",\"mode\":\"partial\",\"limit\":100}");
        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(search.json().path("total").asInt()).isEqualTo(FILES - 1);
        TestHttp.Response upload = FaultStack.upload(stack.ingester(stack.serviceToken("ingest")),
                Multipart.form().file("after-wipe.pdf", "application/pdf", Content.bytes(1000, 7)));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    }

    /**
     * Every registry record, by file id, reduced to the metadata fields and its copies (SE URL
     * and status). The "first SE" of a file with two copies is not in any sidecar, so after a
     * rebuild it only has to be one of the SEs holding a copy.
     */
    private static Map<String, Map<String, String>> records(TestHttp admin) {
        Map<String, String> seUrls = new HashMap<>();
        for (JsonNode se : admin.get("/api/v1/storage-elements?limit=100").json().path("items")) {
            seUrls.put(se.path("id").asString(), se.path("url").asString());
        }
        Map<String, Map<String, String>> records = new HashMap<>();
        for (String se : List.of(SE_EDIT, SE_RW, SE_RW_B)) {
            FaultStack.registryFiles(admin, FaultStack.storageElementId(admin, stack.seUrl(se))).forEach((id, record) -> {
                Map<String, String> fields = new HashMap<>();
                FIELDS.forEach(field -> fields.put(field, record.path(field).toString()));
                List<String> copies = new java.util.ArrayList<>();
                for (JsonNode copy : record.path("copies")) {
                    copies.add(seUrls.get(copy.path("storage_element_id").asString()) + " " + copy.path("status").asString());
                }
                java.util.Collections.sort(copies);
                fields.put("copies", copies.toString());
                assertThat(copies).as("copies of %s", id)
                        .anyMatch(c -> c.startsWith(seUrls.get(record.path("storage_element_id").asString()) + " "));
                records.put(id, fields);
            });
        }
        return records;
    }
}
