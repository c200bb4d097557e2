package io.artstore.kernel.health;

import java.time.Instant;

import io.artstore.kernel.KernelIntegrationTest;
import io.artstore.kernel.testapp.SwitchableHealth;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class HealthIT extends KernelIntegrationTest {

    @Autowired
    SwitchableHealth dependency;

    @AfterEach
    void restore() {
        dependency.set(Health.up().withDetail("message", "dependency reachable").build());
    }

    @Test
    void liveHasTheContractShapeWithoutAToken() {
        TestHttp.Response response = anonymous().get("/health/live");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("status", "timestamp", "version", "service");
        assertThat(body.path("status").asString()).isEqualTo("ok");
        assertThat(body.path("service").asString()).isEqualTo("kernel-test");
        assertThat(body.path("timestamp").asString()).endsWith("Z");
        assertThat(Instant.parse(body.path("timestamp").asString())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void readyListsEveryContributorAsACheck() {
        TestHttp.Response response = anonymous().get("/health/ready");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("status", "timestamp", "version", "service", "checks");
        assertThat(body.path("status").asString()).isEqualTo("ok");
        assertThat(body.path("checks").path("dependency").path("status").asString()).isEqualTo("ok");
        assertThat(body.path("checks").path("dependency").path("message").asString()).isEqualTo("dependency reachable");
        assertThat(body.path("checks").has("ping")).isFalse();
    }

    @Test
    void degradedIs200AndFailIs503() {
        dependency.set(Health.status(HealthState.DEGRADED_STATUS).withDetail("message", "slow").build());
        TestHttp.Response degraded = anonymous().get("/health/ready");
        assertThat(degraded.status()).isEqualTo(200);
        assertThat(degraded.json().path("status").asString()).isEqualTo("degraded");
        assertThat(degraded.json().path("checks").path("dependency").path("status").asString()).isEqualTo("degraded");

        dependency.set(Health.down().withDetail("message", "unreachable").build());
        TestHttp.Response failed = anonymous().get("/health/ready");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().path("status").asString()).isEqualTo("fail");
        assertThat(failed.json().path("checks").path("dependency").path("message").asString()).isEqualTo("unreachable");
    }

    @Test
    void metricsArePrometheusTextWithoutAToken() {
        TestHttp.Response response = anonymous().get("/metrics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge").contains("application=\"kernel-test\"");
    }

    @Test
    void apiDocsAreOpen() {
        TestHttp.Response response = anonymous().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("components").path("securitySchemes").has("bearerAuth")).isTrue();
        assertThat(response.json().path("paths").has("/api/v1/things/{id}")).isTrue();
        assertThat(response.json().path("paths").has("/error")).isFalse();
        assertThat(response.json().path("components").path("schemas").path("Thing").path("properties").has("display_name"))
                .as("schemas use the snake_case wire names").isTrue();
    }
}
