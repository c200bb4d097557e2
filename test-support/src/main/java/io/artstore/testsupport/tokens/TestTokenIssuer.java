package io.artstore.testsupport.tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for admin-module's token issuing in tests: an RSA key pair, its JWKS served
 * over HTTP on loopback, and a builder for tokens with any subject, scopes, role, expiry,
 * key or algorithm — including the broken ones an attacker would try.
 */
public final class TestTokenIssuer implements AutoCloseable {

    public static final String DEFAULT_ISSUER = "http://artstore-test-issuer";

    /** How a token is signed. */
    public enum Signing {
        /** RS256 with the published key: the only valid kind. */
        RS256,
        /** RS256 with a key that is not in the JWKS. */
        RS256_UNKNOWN_KEY,
        /** HS256 using the published public key (PEM text) as HMAC secret. */
        HS256_WITH_PUBLIC_KEY,
        /** {@code alg: none}, no signature. */
        NONE
    }

    private final RSAKey key;
    private final RSAKey unpublishedKey;
    private final List<JWK> extraKeys = new CopyOnWriteArrayList<>();
    private final AtomicBoolean available = new AtomicBoolean(true);
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final HttpServer server;

    private TestTokenIssuer() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            this.unpublishedKey = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/jwks", exchange -> {
            jwksRequests.incrementAndGet();
            byte[] body;
            int status;
            if (available.get()) {
                List<JWK> keys = new ArrayList<>();
                keys.add(key.toPublicJWK());
                extraKeys.forEach(k -> keys.add(k.toPublicJWK()));
                body = new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
                status = 200;
            } else {
                body = "{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"down\"}}".getBytes(StandardCharsets.UTF_8);
                status = 503;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static TestTokenIssuer start() {
        return new TestTokenIssuer();
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** Simulates admin-module being down: the JWKS URL answers 503 while false. */
    public void setAvailable(boolean up) {
        available.set(up);
    }

    /** How many times the JWKS has been fetched. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** Publishes an extra public key next to the default one (for rotation tests). */
    public void publish(JWK extra) {
        extraKeys.add(extra);
    }

    public RSAKey key() {
        return key;
    }

    /** A valid service-account token with the given scopes. */
    public String serviceToken(String subject, String... scopes) {
        return token().subject(subject).scopes(scopes).build();
    }

    /** A valid admin-user token with the given role ({@code admin} or {@code readonly}). */
    public String userToken(String subject, String role) {
        return token().subject(subject).role(role).build();
    }

    public Builder token() {
        return new Builder();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Fluent description of one token. */
    public final class Builder {
        private String subject = "sa_test_" + UUID.randomUUID().toString().substring(0, 8);
        private List<String> scopes = List.of();
        private String role;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(30);
        private Instant notBefore;
        private String issuer = DEFAULT_ISSUER;
        private String audience;
        private Signing signing = Signing.RS256;
        private RSAKey signingKey;
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        public Builder scopes(String... values) {
            this.scopes = List.of(values);
            return this;
        }

        public Builder role(String value) {
            this.role = value;
            return this;
        }

        public Builder issuedAt(Instant value) {
            this.issuedAt = value;
            return this;
        }

        public Builder lifetime(Duration value) {
            this.lifetime = value;
            return this;
        }

        /** Expiry in the past: issued two hours ago, valid for one. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(2));
            this.lifetime = Duration.ofHours(1);
            return this;
        }

        public Builder notBefore(Instant value) {
            this.notBefore = value;
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder audience(String value) {
            this.audience = value;
            return this;
        }

        public Builder claim(String name, Object value) {
            extraClaims.put(name, value);
            return this;
        }

        public Builder signing(Signing value) {
            this.signing = value;
            return this;
        }

        /** Signs with another RSA key (its key id in the header). */
        public Builder signingKey(RSAKey value) {
            this.signingKey = value;
            return this;
        }

        public JWTClaimsSet claims() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString());
            if (!scopes.isEmpty()) {
                claims.claim("scopes", scopes).claim("scope", String.join(" ", scopes));
            }
            if (role != null) {
                claims.claim("role", role);
            }
            if (notBefore != null) {
                claims.notBeforeTime(Date.from(notBefore));
            }
            if (audience != null) {
                claims.audience(audience);
            }
            extraClaims.forEach(claims::claim);
            return claims.build();
        }

        public String build() {
            JWTClaimsSet claims = claims();
            try {
                return switch (signing) {
                    case RS256 -> rsa(signingKey != null ? signingKey : key, claims);
                    case RS256_UNKNOWN_KEY -> rsa(unpublishedKey, claims);
                    case HS256_WITH_PUBLIC_KEY -> {
                        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
                        jwt.sign(new MACSigner(publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
                        yield jwt.serialize();
                    }
                    case NONE -> new PlainJWT(claims).serialize();
                };
            } catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private String rsa(RSAKey with, JWTClaimsSet claims) throws JOSEException {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        }

        private String publicKeyPem() throws JOSEException {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        }
    }
}
