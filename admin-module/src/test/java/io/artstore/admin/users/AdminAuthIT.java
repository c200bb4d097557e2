package io.artstore.admin.users;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.artstore.admin.support.AdminApiTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin login, refresh-token rotation, own account, and the failed-login lockout. */
class AdminAuthIT extends AdminApiTest {

    private static final String PASSWORD = "correct-horse-1";
    private static final Pattern LOCKED_UNTIL = Pattern.compile("locked until (\\S+?Z)");

    @Test
    void loginReturnsAnAccessTokenWithRoleAndAnOpaqueRefreshToken() {
        JsonNode user = createUser(unique("reader"), PASSWORD, "readonly");
        TestHttp.Response response = login(user.path("username").asString(), PASSWORD);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(response.json().path("expires_in").asLong()).isEqualTo(1800);
        assertThat(response.json().path("refresh_token").asString()).startsWith("rt_");
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(baseUrl() + "/api/v1/auth/jwks").build()
                .decode(response.json().path("access_token").asString());
        assertThat(jwt.getSubject()).isEqualTo(user.path("username").asString());
        assertThat(jwt.getClaimAsString("role")).isEqualTo("readonly");
        assertThat(jwt.getClaimAsString("user_id")).isEqualTo(user.path("id").asString());
        assertThat(jwt.getClaimAsStringList("scopes")).containsExactlyInAnyOrder("files:read", "storage:read", "admin:read");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(1800));
    }

    @Test
    void wrongPasswordAndUnknownUserAreInvalidCredentials() {
        JsonNode user = createUser(unique("op"), PASSWORD, "admin");
        TestHttp.Response wrong = login(user.path("username").asString(), "not-the-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        TestHttp.Response unknown = login("nobody-here", "whatever-pass");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        TestHttp.Response empty = http().postJson("/api/v1/admin-auth/login", "{\"username\":\"\",\"password\":\"\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void refreshTokensRotateAndAUsedOneIsRejected() {
        JsonNode user = createUser(unique("refresher"), PASSWORD, "admin");
        JsonNode first = login(user.path("username").asString(), PASSWORD).json();

        TestHttp.Response second = refresh(first.path("refresh_token").asString());
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        String newRefresh = second.json().path("refresh_token").asString();
        assertThat(newRefresh).isNotEqualTo(first.path("refresh_token").asString());
        assertThat(as(second.json().path("access_token").asString()).get("/api/v1/admin-auth/me").status()).isEqualTo(200);

        TestHttp.Response reused = refresh(first.path("refresh_token").asString());
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
        // reuse looks like theft: the whole session family is revoked
        assertThat(refresh(newRefresh).errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(refresh("rt_made-up").errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void refreshTokenExpiresAndIsNeverAnAccessToken() {
        JsonNode user = createUser(unique("expiring"), PASSWORD, "admin");
        JsonNode tokens = login(user.path("username").asString(), PASSWORD).json();
        String refreshToken = tokens.path("refresh_token").asString();

        TestHttp.Response asBearer = as(refreshToken).get("/api/v1/admin-auth/me");
        assertThat(asBearer.status()).isEqualTo(401);
        assertThat(asBearer.errorCode()).isEqualTo("UNAUTHORIZED");

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        assertThat(refresh(refreshToken).errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void accessTokenExpiresAfterItsLifetime() {
        JsonNode user = createUser(unique("short"), PASSWORD, "readonly");
        String token = loginToken(user.path("username").asString(), PASSWORD);
        assertThat(as(token).get("/api/v1/admin-auth/me").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(32));

        assertThat(as(token).get("/api/v1/admin-auth/me").status()).isEqualTo(401);
    }

    @Test
    void meDescribesTheLoggedInUserAndIsNotForServiceAccounts() {
        JsonNode user = createUser(unique("me"), PASSWORD, "readonly");
        TestHttp.Response me = as(loginToken(user.path("username").asString(), PASSWORD)).get("/api/v1/admin-auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(user.path("id").asString());
        assertThat(me.json().path("role").asString()).isEqualTo("readonly");
        assertThat(me.json().path("is_locked").asBoolean()).isFalse();
        assertThat(me.json().path("last_login_at").isNull()).isFalse();
        assertThat(me.json().has("password_hash")).isFalse();

        String serviceToken = serviceToken(createServiceAccount(unique("robot"), "[\"admin:read\"]"));
        assertThat(as(serviceToken).get("/api/v1/admin-auth/me").status()).isEqualTo(403);
    }

    @Test
    void changePasswordNeedsTheCurrentOneAndAValidNewOne() {
        String username = unique("changer");
        createUser(username, PASSWORD, "readonly");
        TestHttp api = as(loginToken(username, PASSWORD));

        TestHttp.Response wrongCurrent = api.postJson("/api/v1/admin-auth/change-password",
                "{\"current_password\":\"nope-nope-1\",\"new_password\":\"brand-new-pass\"}");
        assertThat(wrongCurrent.status()).isEqualTo(401);
        assertThat(wrongCurrent.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        TestHttp.Response tooShort = api.postJson("/api/v1/admin-auth/change-password",
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"1234567\"}");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.errorCode()).isEqualTo("VALIDATION_ERROR");

        TestHttp.Response changed = api.postJson("/api/v1/admin-auth/change-password",
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"brand-new-pass\"}");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(login(username, PASSWORD).status()).isEqualTo(401);
        assertThat(login(username, "brand-new-pass").status()).isEqualTo(200);
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheLockEnds() {
        String username = unique("locked");
        String id = createUser(username, PASSWORD, "readonly").path("id").asString();

        for (int i = 1; i <= 4; i++) {
            TestHttp.Response failure = login(username, "wrong-password");
            assertThat(failure.status()).as("attempt %d", i).isEqualTo(401);
            assertThat(failure.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        }
        TestHttp.Response fifth = login(username, "wrong-password");
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.errorCode()).isEqualTo("ACCOUNT_LOCKED");
        TestHttp.Response correctButLocked = login(username, PASSWORD);
        assertThat(correctButLocked.status()).isEqualTo(423);
        assertThat(correctButLocked.errorCode()).isEqualTo("ACCOUNT_LOCKED");

        JsonNode shown = as(adminToken()).get("/api/v1/admin-users/" + id).json();
        assertThat(shown.path("is_locked").asBoolean()).isTrue();
        assertThat(shown.path("failed_login_attempts").asInt()).isEqualTo(5);
        assertThat(shown.path("locked_until").isNull()).isFalse();

        clock.advance(Duration.ofMinutes(14));
        assertThat(login(username, PASSWORD).status()).isEqualTo(423);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
        JsonNode after = as(loginToken(ADMIN, ADMIN_PASSWORD)).get("/api/v1/admin-users/" + id).json();
        assertThat(after.path("is_locked").asBoolean()).isFalse();
        assertThat(after.path("failed_login_attempts").asInt()).isZero();

        String metrics = http().get("/metrics").body();
        assertThat(metrics).contains("artstore_admin_lockouts_total", "artstore_admin_login_failures_total{");
    }

    @Test
    void anUnknownNameAnswersExactlyLikeAnExistingOneAndIsLockedAfterAsManyFailures() {
        String known = unique("real");
        createUser(known, PASSWORD, "readonly");
        String unknown = unique("ghost");

        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            knownAnswers.add(answer(login(known, "wrong-password")));
            unknownAnswers.add(answer(login(unknown, "wrong-password")));
        }
        assertThat(masked(unknownAnswers)).isEqualTo(masked(knownAnswers));
        // the locks end when they would for one account locked a moment after the other
        assertThat(Duration.between(lockEnd(knownAnswers.get(5)), lockEnd(unknownAnswers.get(5))).abs())
                .isLessThan(Duration.ofSeconds(10));
        assertThat(knownAnswers.subList(0, 4)).allMatch(answer -> answer.startsWith("401 ") && answer.contains("INVALID_CREDENTIALS"));
        assertThat(knownAnswers.subList(4, 6)).allMatch(answer -> answer.startsWith("423 ") && answer.contains("ACCOUNT_LOCKED"));
        // the right password of the real account is refused like any password of the unknown name
        assertThat(masked(List.of(answer(login(unknown, PASSWORD))))).isEqualTo(masked(List.of(answer(login(known, PASSWORD)))));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(answer(login(unknown, "wrong-password"))).isEqualTo(answer(login(known, "wrong-password")))
                .startsWith("401 ");
    }

    @Test
    void aStreakOfFailuresExpiresAlikeForExistingAndUnknownNames() {
        String known = unique("patient");
        createUser(known, PASSWORD, "readonly");
        String unknown = unique("phantom");
        for (int i = 0; i < 4; i++) {
            assertThat(answer(login(unknown, "wrong-password"))).isEqualTo(answer(login(known, "wrong-password")));
        }
        // "fail four times, wait, fail once more" must not tell the names apart either
        clock.advance(Duration.ofMinutes(15));
        TestHttp.Response knownFifth = login(known, "wrong-password");
        assertThat(answer(login(unknown, "wrong-password"))).isEqualTo(answer(knownFifth));
        assertThat(knownFifth.status()).isEqualTo(401);
        assertThat(login(known, PASSWORD).status()).isEqualTo(200);
    }

    private static String answer(TestHttp.Response response) {
        return response.status() + " " + response.body();
    }

    /** The answers with the lock end left out: two accounts locked at slightly different times differ there. */
    private static List<String> masked(List<String> answers) {
        return answers.stream().map(answer -> LOCKED_UNTIL.matcher(answer).replaceAll("locked until <time>")).toList();
    }

    private static Instant lockEnd(String answer) {
        Matcher matcher = LOCKED_UNTIL.matcher(answer);
        assertThat(matcher.find()).as(answer).isTrue();
        return Instant.parse(matcher.group(1));
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        String username = unique("reset");
        createUser(username, PASSWORD, "readonly");
        for (int i = 0; i < 4; i++) {
            assertThat(login(username, "wrong-password").status()).isEqualTo(401);
        }
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(login(username, "wrong-password").status()).isEqualTo(401);
        }
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAdminUnlocksManually() {
        String username = unique("unlockme");
        String id = createUser(username, PASSWORD, "readonly").path("id").asString();
        TestHttp admin = as(adminToken());

        TestHttp.Response notLocked = admin.postJson("/api/v1/admin-users/" + id + "/unlock", "");
        assertThat(notLocked.status()).isEqualTo(409);
        assertThat(notLocked.errorCode()).isEqualTo("NOT_LOCKED");

        for (int i = 0; i < 5; i++) {
            login(username, "wrong-password");
        }
        assertThat(login(username, PASSWORD).status()).isEqualTo(423);

        String readonly = unique("ro");
        createUser(readonly, PASSWORD, "readonly");
        assertThat(as(loginToken(readonly, PASSWORD)).postJson("/api/v1/admin-users/" + id + "/unlock", "").status())
                .isEqualTo(403);

        assertThat(admin.postJson("/api/v1/admin-users/" + id + "/unlock", "").status()).isEqualTo(204);
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/v1/admin-users/" + id + "/unlock", "").errorCode()).isEqualTo("NOT_LOCKED");
    }

    private TestHttp.Response refresh(String refreshToken) {
        return http().postJson("/api/v1/admin-auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }
}
