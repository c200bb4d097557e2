package io.artstore.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.artstore.devstack.LocalStack;
import io.artstore.system.Clients;
import io.artstore.system.SystemStack;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged and broken tokens against every resource server (SE, ingester, query, admin): each is
 * refused with 401 {@code UNAUTHORIZED} (403 {@code FORBIDDEN} for a genuine token without the
 * scope), and nothing is stored.
 */
class HostileTokensIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final ForgedTokens FORGE = ForgedTokens.of(STACK);
    private static final Clients CLIENTS = new Clients(STACK);

    /** One protected call per service, with the scope it needs. */
    enum Target {
        STORAGE_ELEMENT("files:read"),
        INGESTER("files:write"),
        QUERY("files:read"),
        ADMIN("files:read");

        final String scope;

        Target(String scope) {
            this.scope = scope;
        }

        TestHttp.Response call(String token) {
            return switch (this) {
                case STORAGE_ELEMENT -> CLIENTS.storageElement(STACK.seEditUrl(), token).get("/api/v1/files?limit=1");
                case INGESTER -> Clients.upload(CLIENTS.ingester(token), Multipart.form().field("ttl_days", "1")
                        .file("forged.txt", "text/plain", "forged".getBytes()));
                case QUERY -> CLIENTS.query(token).postJson("/api/v1/search", "{}");
                case ADMIN -> TestHttp.to(STACK.adminUrl()).withToken(token).get("/api/v1/files?limit=1");
            };
        }
    }

    /** Broken tokens, each granting the scope the target needs. */
    static Stream<Arguments> forgeries() {
        List<Arguments> cases = new ArrayList<>();
        List<Object[]> kinds = List.of(
                new Object[]{"alg none", (BiFunction<ForgedTokens, String, String>) ForgedTokens::algNone},
                new Object[]{"HS256 signed with the RSA public key", (BiFunction<ForgedTokens, String, String>) ForgedTokens::hs256WithPublicKey},
                new Object[]{"tampered payload", (BiFunction<ForgedTokens, String, String>) ForgedTokens::tampered},
                new Object[]{"expired", (BiFunction<ForgedTokens, String, String>) ForgedTokens::expired},
                new Object[]{"not yet valid (nbf in the future)", (BiFunction<ForgedTokens, String, String>) ForgedTokens::notYetValid},
                new Object[]{"wrong issuer", (BiFunction<ForgedTokens, String, String>) ForgedTokens::wrongIssuer},
                new Object[]{"wrong audience", (BiFunction<ForgedTokens, String, String>) ForgedTokens::wrongAudience},
                new Object[]{"garbage", (BiFunction<ForgedTokens, String, String>) (f, s) -> "not.a.jwt"});
        for (Target target : Target.values()) {
            for (Object[] kind : kinds) {
                cases.add(Arguments.of(target, kind[0], kind[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("forgeries")
    void forgedTokensAre401AndStoreNothing(Target target, String kind, BiFunction<ForgedTokens, String, String> forge) {
        int before = Hostile.onDisk();
        TestHttp.Response response = target.call(forge.apply(FORGE, target.scope));
        Hostile.assertError(response, 401, "UNAUTHORIZED");
        assertThat(Hostile.onDisk()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}: genuine token without the scope")
    @MethodSource("targets")
    void aGenuineTokenWithoutTheScopeIs403(Target target) {
        int before = Hostile.onDisk();
        Hostile.assertError(target.call(FORGE.valid()), 403, "FORBIDDEN");
        assertThat(Hostile.onDisk()).isEqualTo(before);
    }

    static Stream<Target> targets() {
        return Stream.of(Target.values());
    }

    @Test
    void theSameClaimsWithTheRealKeyAreAccepted() {
        for (Target target : List.of(Target.STORAGE_ELEMENT, Target.QUERY, Target.ADMIN)) {
            assertThat(target.call(FORGE.valid(target.scope)).status()).as(target.name()).isEqualTo(200);
        }
    }

    @Test
    void missingOrEmptyBearerIs401() {
        for (String header : List.of("Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer a.b")) {
            TestHttp.Response response = TestHttp.to(STACK.queryUrl()).send(TestHttp.to(STACK.queryUrl())
                    .request("/api/v1/search", "Authorization", header, "Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
            Hostile.assertError(response, 401, "UNAUTHORIZED");
        }
    }

    @AfterAll
    static void stackStillHealthy() {
        Hostile.assertStackHealthy(STACK);
    }
}
