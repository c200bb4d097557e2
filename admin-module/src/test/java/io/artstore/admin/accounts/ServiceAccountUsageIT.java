package io.artstore.admin.accounts;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.artstore.admin.support.AdminApiTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * last_used_at of service accounts (written on token issue, at most once a minute), the typed-name
 * confirmation for deleting or rotating an account used within 24 hours, and the secret-expiry gauge.
 */
class ServiceAccountUsageIT extends AdminApiTest {

    @Test
    void lastUsedAtIsSetWhenATokenIsIssuedAndRewrittenAtMostOnceAMinute() {
        JsonNode account = createServiceAccount(unique("used"), "[\"files:read\"]");
        String id = account.path("id").asString();
        assertThat(account.has("last_used_at")).isTrue();
        assertThat(account.path("last_used_at").isNull()).isTrue();
        assertThat(view(id).path("last_used_at").isNull()).isTrue();

        serviceToken(account);
        Instant first = Instant.parse(view(id).path("last_used_at").asString());
        assertThat(first).isBetween(clock.instant().minusSeconds(10), clock.instant());

        // within the minute neither endpoint rewrites it
        clock.advance(Duration.ofSeconds(40));
        serviceToken(account);
        assertThat(rfcToken(account).status()).isEqualTo(200);
        assertThat(Instant.parse(view(id).path("last_used_at").asString())).isEqualTo(first);

        // after it, the RFC 6749 endpoint updates it as well
        clock.advance(Duration.ofSeconds(30));
        TestHttp.Response rfc = rfcToken(account);
        assertThat(rfc.status()).as(rfc.body()).isEqualTo(200);
        Instant second = Instant.parse(view(id).path("last_used_at").asString());
        assertThat(second).isAfter(first.plusSeconds(60));
        assertThat(admin().get("/api/v1/service-accounts?limit=1000").json().path("items").findValuesAsString("last_used_at"))
                .contains(view(id).path("last_used_at").asString());
    }

    @Test
    void aRecentlyUsedAccountIsDeletedOrRotatedOnlyWithItsNameTyped() {
        String name = unique("ingester-live");
        JsonNode account = createServiceAccount(name, "[\"files:write\"]");
        String id = account.path("id").asString();
        serviceToken(account);

        for (String query : new String[]{"", "?confirm_name=", "?confirm_name=" + encode(name + "x")}) {
            TestHttp.Response delete = admin().delete("/api/v1/service-accounts/" + id + query);
            assertThat(delete.status()).as(delete.body()).isEqualTo(409);
            assertThat(delete.errorCode()).isEqualTo("CONFIRMATION_REQUIRED");
            assertThat(delete.json().path("error").path("message").asString()).contains(name, "confirm_name");
            TestHttp.Response rotate = admin().postJson("/api/v1/service-accounts/" + id + "/rotate-secret" + query, "");
            assertThat(rotate.status()).as(rotate.body()).isEqualTo(409);
            assertThat(rotate.errorCode()).isEqualTo("CONFIRMATION_REQUIRED");
        }
        // untouched: still there, the old secret still works
        assertThat(admin().get("/api/v1/service-accounts/" + id).status()).isEqualTo(200);
        serviceToken(account);

        TestHttp.Response rotated = admin().postJson(
                "/api/v1/service-accounts/" + id + "/rotate-secret?confirm_name=" + encode(name), "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(contractToken(account.path("client_id").asString(), account.path("client_secret").asString())
                .errorCode()).isEqualTo("INVALID_CREDENTIALS");

        TestHttp.Response deleted = admin().delete("/api/v1/service-accounts/" + id + "?confirm_name=" + encode(name));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(admin().get("/api/v1/service-accounts/" + id).status()).isEqualTo(404);
    }

    @Test
    void anAccountUnusedForADayOrNeverUsedNeedsNoConfirmation() {
        JsonNode never = createServiceAccount(unique("never-used"), "[\"files:read\"]");
        assertThat(admin().postJson("/api/v1/service-accounts/" + never.path("id").asString() + "/rotate-secret", "")
                .status()).isEqualTo(200);
        assertThat(admin().delete("/api/v1/service-accounts/" + never.path("id").asString()).status()).isEqualTo(204);

        JsonNode idle = createServiceAccount(unique("idle"), "[\"files:read\"]");
        serviceToken(idle);
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        // the admin's earlier token has expired by now
        TestHttp.Response deleted = as(loginToken(ADMIN, ADMIN_PASSWORD)).delete("/api/v1/service-accounts/" + idle.path("id").asString());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    }

    @Test
    void exportsSecondsUntilExpiryOfAccountsWithAnExpiryOnly() {
        String expiring = unique("expiring");
        String forever = unique("forever");
        TestHttp.Response first = admin().postJson("/api/v1/service-accounts",
                "{\"name\":\"" + expiring + "\",\"scopes\":[\"files:read\"],\"secret_expiration_days\":10}");
        TestHttp.Response second = admin().postJson("/api/v1/service-accounts",
                "{\"name\":\"" + forever + "\",\"scopes\":[\"files:read\"],\"secret_expiration_days\":0}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);

        String metrics = http().get("/metrics").body();
        Matcher series = Pattern.compile("artstore_admin_service_account_secret_expires_in_seconds\\{([^}]*)} (\\S+)")
                .matcher(metrics);
        Double seconds = null;
        while (series.find()) {
            assertThat(series.group(1)).doesNotContain(forever);
            if (series.group(1).contains("name=\"" + expiring + "\"")) {
                assertThat(series.group(1)).contains("client_id=\"" + first.json().path("client_id").asString() + "\"");
                seconds = Double.parseDouble(series.group(2));
            }
        }
        assertThat(seconds).as(metrics).isNotNull();
        assertThat(seconds).isCloseTo(10 * 86_400.0, within(120.0));
    }

    private TestHttp admin() {
        return as(adminToken());
    }

    private JsonNode view(String id) {
        TestHttp.Response response = admin().get("/api/v1/service-accounts/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private TestHttp.Response rfcToken(JsonNode account) {
        String form = "grant_type=client_credentials&client_id=" + encode(account.path("client_id").asString())
                + "&client_secret=" + encode(account.path("client_secret").asString());
        return http().send("POST", "/oauth2/token", HttpRequest.BodyPublishers.ofString(form),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
