package io.artstore.system;

import java.util.Arrays;
import java.util.UUID;

import io.artstore.devstack.LocalStack;
import io.artstore.testsupport.content.Content;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Downloads through query-module come from the real storage element, byte for byte. */
class QueryDownloadIT {

    private final LocalStack stack = SystemStack.get();
    private final Clients clients = new Clients(stack);
    private final TestHttp ingest = clients.ingester(clients.serviceToken("ingest"));
    private final TestHttp search = clients.query(clients.serviceToken("search"));

    private byte[] content;
    private String id;

    @BeforeEach
    void upload() {
        content = Content.bytes(1_000_003, 11);
        TestHttp.Response response = Clients.upload(ingest, Multipart.form().field("ttl_days", "5")
                .file("Годовой отчёт 2026.pdf", "application/pdf", content));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        id = response.json().path("file_id").asString();
    }

    private TestHttp.Response download(String... headers) {
        return search.get("/api/v1/files/" + id + "/download", headers);
    }

    @Test
    void fullDownloadIsTheUploadedBytes() {
        TestHttp.Response response = download();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(content);
        assertThat(response.header("ETag")).contains(Content.sha256(content));
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(content.length));
        assertThat(response.header("Content-Disposition")).contains("filename*=UTF-8''");
        assertThat(response.body()).doesNotContain(stack.seEditUrl());
    }

    @Test
    void rangesComeBackAs206WithTheRightSlice() {
        TestHttp.Response middle = download("Range", "bytes=100-199");
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 100-199/" + content.length);
        assertThat(middle.bytes()).isEqualTo(Arrays.copyOfRange(content, 100, 200));

        TestHttp.Response suffix = download("Range", "bytes=-10");
        assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(content, content.length - 10, content.length));

        TestHttp.Response open = download("Range", "bytes=" + (content.length - 5) + "-");
        assertThat(open.status()).isEqualTo(206);
        assertThat(open.bytes()).isEqualTo(Arrays.copyOfRange(content, content.length - 5, content.length));

        TestHttp.Response unsatisfiable = download("Range", "bytes=" + content.length + "-");
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + content.length);
    }

    @Test
    void conditionalRequestsPassThrough() {
        String etag = download().header("ETag");
        assertThat(download("If-None-Match", etag).status()).isEqualTo(304);
        TestHttp.Response sameVersion = download("Range", "bytes=0-9", "If-Range", etag);
        assertThat(sameVersion.status()).isEqualTo(206);
        TestHttp.Response otherVersion = download("Range", "bytes=0-9", "If-Range", "\"something-else\"");
        assertThat(otherVersion.status()).isEqualTo(200);
        assertThat(otherVersion.bytes()).isEqualTo(content);
    }

    @Test
    void aFileGoneFromItsSeIsCleanedUpLazily() {
        String writer = clients.serviceToken("ingest");
        assertThat(clients.storageElement(stack.seEditUrl(), writer).delete("/api/v1/files/" + id).status())
                .isIn(200, 204);
        TestHttp admin = clients.admin();
        assertThat(admin.get("/api/v1/files/" + id).json().path("status").asString()).isEqualTo("active");

        TestHttp.Response response = download();
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(admin.get("/api/v1/files/" + id).json().path("status").asString()).isEqualTo("deleted");
        assertThat(search.get("/api/v1/files/" + id).json().path("status").asString())
                .as("cache evicted").isEqualTo("deleted");
    }

    @Test
    void unreachableSeIs502() {
        StackSupport.whileStopped(stack, "storage-element-edit", stack.seEditUrl(), () -> {
            TestHttp.Response response = download();
            assertThat(response.status()).isEqualTo(502);
            assertThat(response.errorCode()).isEqualTo("SE_UNAVAILABLE");
        });
        assertThat(download().bytes()).isEqualTo(content);
        assertThat(UUID.fromString(id)).isNotNull();
    }
}
