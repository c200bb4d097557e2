package io.artstore.storage.files;

import java.net.http.HttpRequest;

import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy is a write: an {@code rw} SE takes it, the same SE in {@code ro} and {@code ar} refuses it. */
@StorageElementTest(properties = {"artstore.storage.storage-id=se-copy-modes-it", "artstore.storage.mode=rw"})
class CopyModesIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void rwTakesACopyRoAndArRefuseIt() {
        TestHttp http = SeTest.client(port);
        byte[] content = Content.bytes(30_000, 51);
        SeFileMetadata m = CopyApiIT.original(content, "permanent.bin");
        SeFileMetadata permanent = new SeFileMetadata(m.fileId(), m.originalFilename(), m.contentType(), m.size(),
                m.checksum(), m.uploadedBy(), m.uploadedAt(), null, null, "active", "permanent", null, null, null, null, null);
        TestHttp.Response stored = copy(http, permanent, content);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().path("retention_policy").asString()).isEqualTo("permanent");
        assertThat(stored.json().path("expires_at").isNull()).isTrue();
        // no updated_at in the original: the copy's arrival is its last change
        assertThat(stored.json().path("updated_at").isNull()).isFalse();

        byte[] other = Content.bytes(30_000, 52);
        SeFileMetadata next = CopyApiIT.original(other, "next.bin");
        SeFileMetadata nextPermanent = new SeFileMetadata(next.fileId(), next.originalFilename(), next.contentType(),
                next.size(), next.checksum(), next.uploadedBy(), next.uploadedAt(), null, null, "active", "permanent",
                null, null, null, null, null);
        for (String mode : new String[]{"ro", "ar"}) {
            TestHttp.Response transition = http.postJson("/api/v1/mode/transition", "{\"target_mode\":\"" + mode + "\"}");
            assertThat(transition.status()).as(transition.body()).isEqualTo(200);
            TestHttp.Response refused = copy(http, nextPermanent, other);
            assertThat(refused.status()).as(mode + ": " + refused.body()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo("MODE_NOT_ALLOWED");
        }
        assertThat(http.get("/api/v1/files/" + next.fileId()).status()).isEqualTo(404);
    }

    private TestHttp.Response copy(TestHttp http, SeFileMetadata original, byte[] content) {
        Multipart form = Multipart.form().field("metadata", json.writeValueAsString(original))
                .file(original.originalFilename(), original.contentType(), content);
        return http.send(http.request("/api/v1/files/" + original.fileId() + "/copy")
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.toBytes())));
    }
}
