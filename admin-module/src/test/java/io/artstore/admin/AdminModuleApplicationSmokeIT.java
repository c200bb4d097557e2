package io.artstore.admin;

import io.artstore.admin.support.AdminApiTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminModuleApplicationSmokeIT extends AdminApiTest {

    @Test
    void startsAndAnswersHealthAndMetrics() {
        TestHttp http = http();
        assertThat(http.get("/health/live").json().path("service").asString()).isEqualTo("admin-module");
        TestHttp.Response ready = http.get("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("checks").has("db")).isTrue();
        assertThat(ready.json().path("checks").path("signingKeys").path("status").asString()).isEqualTo("ok");
        assertThat(http.get("/metrics").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void apiNeedsATokenAndAnswersInTheCommonFormat() {
        TestHttp.Response response = http().get("/api/v1/admin-users");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
        TestHttp.Response bad = http().withToken("not-a-jwt").get("/api/v1/service-accounts");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void publishesOpenApiDocs() {
        TestHttp.Response docs = http().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/auth/token", "/api/v1/admin-users/{id}/unlock",
                "/api/v1/service-accounts/{id}/rotate-secret", "/api/v1/jwt-keys/rotate");
        assertThat(docs.json().path("components").path("schemas").path("ServiceAccount").path("properties")
                .has("client_id")).as("schemas use the wire names").isTrue();
        assertThat(docs.json().path("components").path("schemas").path("PageAdminUser").path("properties")
                .has("has_more")).isTrue();
    }
}
