package io.artstore.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.devstack.LocalStack;
import io.artstore.devstack.LocalPostgres;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow over HTTP against the stack a developer gets with one command: upload,
 * find in every search mode, download whole and in ranges, change metadata on the SE and
 * see it after a sync, delete and watch GC and the registry follow, lose the registry and
 * get it back from the storage elements.
 */
class EndToEndIT {

    private final LocalStack stack = SystemStack.get();
    private final Clients clients = new Clients(stack);

    private record Stored(String id, String name, byte[] content) {
    }

    @Test
    void uploadSearchDownloadSyncDeleteAndRebuildTheRegistry() throws Exception {
        TestHttp ingest = clients.ingester(clients.serviceToken("ingest"));
        TestHttp search = clients.query(clients.serviceToken("search"));
        TestHttp admin = clients.admin();
        String tag = "e2e" + UUID.randomUUID().toString().substring(0, 8);

        // upload: two temporary (edit SE), two permanent (rw SE)
        List<Stored> stored = new ArrayList<>();
        String[][] files = {
                {"Договор поставки документ.pdf", "temporary", "Документ о поставке оборудования"},
                {"quarterly sales report.xlsx", "temporary", "Quarterly report for the board"},
                {"Архив писем 2025.zip", "permanent", "Письма клиентов"},
                {"contract-final.docx", "permanent", "Signed contract"}};
        for (int i = 0; i < files.length; i++) {
            byte[] content = Content.bytes(150_000 + i * 1000, 100 + i);
            TestHttp.Response response = Clients.upload(ingest, Multipart.form()
                    .field("description", files[i][2]).field("tags", "[\"" + tag + "\",\"e2e\"]")
                    .field("retention_policy", files[i][1]).file(files[i][0], "application/octet-stream", content));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.json().path("checksum").asString()).isEqualTo(Content.sha256(content));
            stored.add(new Stored(response.json().path("file_id").asString(), files[i][0], content));
        }

        // find them through query in each mode
        assertThat(ids(search, Map.of("mode", "exact", "query", "QUARTERLY SALES REPORT.XLSX"))).contains(stored.get(1).id());
        assertThat(ids(search, Map.of("mode", "partial", "query", "писем"))).containsExactly(stored.get(2).id());
        assertThat(ids(search, Map.of("mode", "fulltext", "query", "документы", "tags", List.of(tag))))
                .containsExactly(stored.get(0).id());
        assertThat(ids(search, Map.of("mode", "fulltext", "query", "reports", "tags", List.of(tag))))
                .containsExactly(stored.get(1).id());
        assertThat(ids(search, Map.of("tags", List.of(tag), "limit", 10))).hasSize(4);

        // download whole and in ranges, compare bytes and SHA-256
        for (Stored file : stored) {
            TestHttp.Response whole = search.get("/api/v1/files/" + file.id() + "/download");
            assertThat(whole.status()).isEqualTo(200);
            assertThat(Content.sha256(whole.bytes())).isEqualTo(Content.sha256(file.content()));
            TestHttp.Response part = search.get("/api/v1/files/" + file.id() + "/download", "Range", "bytes=1000-4999");
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.bytes()).isEqualTo(Arrays.copyOfRange(file.content(), 1000, 5000));
        }

        // metadata changed on the SE shows in the registry after a sync
        String editId = StackSupport.storageElementId(admin, stack.seEditUrl());
        String rwId = StackSupport.storageElementId(admin, stack.seRwUrl());
        String rwBId = StackSupport.storageElementId(admin, stack.seRwBUrl());
        TestHttp editSe = clients.storageElement(stack.seEditUrl(), clients.adminToken());
        TestHttp.Response patched = editSe.patchJson("/api/v1/files/" + stored.get(0).id(),
                "{\"description\":\"Изменено на SE\",\"tags\":[\"" + tag + "\",\"patched\"]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        StackSupport.sync(admin, editId);
        JsonNode afterPatch = admin.get("/api/v1/files/" + stored.get(0).id()).json();
        assertThat(afterPatch.path("description").asString()).isEqualTo("Изменено на SE");
        assertThat(afterPatch.path("tags").toString()).contains("patched");

        // delete on the SE, the registry follows (the deleted sidecar is the newest); GC removes it and
        // the registry keeps it deleted (a copy merely gone from an SE would only be "missing")
        Stored doomed = stored.get(1);
        assertThat(editSe.delete("/api/v1/files/" + doomed.id()).status()).isIn(200, 204);
        StackSupport.sync(admin, editId);
        assertThat(admin.get("/api/v1/files/" + doomed.id()).json().path("status").asString()).isEqualTo("deleted");
        StackSupport.eventually(Duration.ofSeconds(60), () -> StackSupport.sidecar("se-edit", UUID.fromString(doomed.id())) == null,
                "GC removes the deleted file from the edit SE");
        StackSupport.sync(admin, editId);
        assertThat(admin.get("/api/v1/files/" + doomed.id()).json().path("status").asString()).isEqualTo("deleted");
        assertThat(search.get("/api/v1/files/" + doomed.id() + "/download").status()).isEqualTo(404);

        // lose the registry, sync, everything is back: files and all their copies (settled first:
        // the permanent files get their second copy from the replication job)
        StackSupport.eventually(Duration.ofSeconds(90), () -> {
            admin.postJson("/api/v1/replication/run", "");
            return stored.stream().filter(file -> file != doomed).allMatch(file -> {
                JsonNode record = admin.get("/api/v1/files/" + file.id()).json();
                return copies(record).stream().filter(c -> c.endsWith(" ok")).count() == record.path("copies_wanted").asLong();
            });
        }, "every file of this test with its wanted copies");
        Map<String, JsonNode> before = registry(admin);
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE files CASCADE");
        }
        assertThat(admin.get("/api/v1/files?limit=1").json().path("total").asLong()).isZero();
        StackSupport.sync(admin, editId);
        StackSupport.sync(admin, rwId);
        StackSupport.sync(admin, rwBId);
        Map<String, JsonNode> after = registry(admin);
        for (Stored file : stored) {
            if (file == doomed) {
                continue;
            }
            JsonNode was = before.get(file.id());
            JsonNode now = after.get(file.id());
            assertThat(now).as("restored " + file.name()).isNotNull();
            for (String field : List.of("original_filename", "size", "checksum", "status", "retention_policy",
                    "description", "tags", "uploaded_by", "ttl_days", "copies_wanted")) {
                assertThat(now.path(field)).as(file.name() + " " + field).isEqualTo(was.path(field));
            }
            assertThat(copies(now)).as(file.name() + " copies").isEqualTo(copies(was));
            // which SE held the file first is in no sidecar: after the rebuild, one that holds a copy
            assertThat(copies(now)).as(file.name() + " storage_element_id")
                    .anyMatch(c -> c.startsWith(now.path("storage_element_id").asString() + " "));
        }
        assertThat(ids(search, Map.of("tags", List.of(tag)))).hasSize(3);
    }

    /** The copies of a registry record as sorted "se-id status" strings. */
    private static List<String> copies(JsonNode record) {
        List<String> copies = new ArrayList<>();
        record.path("copies").forEach(c -> copies.add(c.path("storage_element_id").asString() + " " + c.path("status").asString()));
        copies.sort(null);
        return copies;
    }

    private static List<String> ids(TestHttp search, Map<String, Object> request) {
        TestHttp.Response response = search.postJson("/api/v1/search", StackSupport.JSON.writeValueAsString(request));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("items").forEach(item -> ids.add(item.path("file_id").asString()));
        return ids;
    }

    private static Map<String, JsonNode> registry(TestHttp admin) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = admin.get("/api/v1/files?limit=1000&offset=" + offset).json();
            page.path("items").forEach(item -> rows.put(item.path("file_id").asString(), item));
            if (!page.path("has_more").asBoolean()) {
                return rows;
            }
        }
    }
}
