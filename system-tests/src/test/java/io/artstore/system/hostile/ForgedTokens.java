package io.artstore.system.hostile;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.artstore.devstack.LocalPostgres;
import io.artstore.devstack.LocalStack;

/**
 * Tokens an attacker (or a buggy client) might send, built with the JDK and Nimbus. Most are
 * signed with admin-module's real active key, read from its {@code jwt_keys} table, so the
 * only thing wrong with them is the one claim under test: a resource server that accepted one
 * would be trusting that claim.
 */
final class ForgedTokens {

    private final String kid;
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final String issuer;

    private ForgedTokens(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, String issuer) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.issuer = issuer;
    }

    static ForgedTokens of(LocalStack stack) {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT kid, public_key, private_key FROM jwt_keys WHERE status = 'active'")) {
            if (!row.next()) {
                throw new IllegalStateException("no active signing key");
            }
            String stored = row.getString("private_key");
            if (!stored.startsWith("plain:")) {
                throw new IllegalStateException("the stack's signing key is encrypted");
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(row.getString("public_key"))));
            RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.substring("plain:".length()))));
            return new ForgedTokens(row.getString("kid"), pub, priv, stack.adminUrl());
        } catch (Exception ex) {
            throw new IllegalStateException("cannot read the signing key", ex);
        }
    }

    /** Claims of a good token with these scopes; callers change one thing. */
    JWTClaimsSet.Builder claims(String... scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject("sa_hostile_" + UUID.randomUUID().toString().substring(0, 8))
                .issuer(issuer)
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim("scopes", List.of(scopes))
                .claim("scope", String.join(" ", scopes));
    }

    /** Signed with the real key: valid unless the claims say otherwise. */
    String signed(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(privateKey));
            return jwt.serialize();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    String valid(String... scopes) {
        return signed(claims(scopes).build());
    }

    /** {@code alg: none}, no signature. */
    String algNone(String... scopes) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
        return header + "." + b64(claims(scopes).build().toString()) + ".";
    }

    /** HS256 with the published RSA public key as HMAC secret (the classic key-confusion attack). */
    String hs256WithPublicKey(String... scopes) {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(),
                    claims(scopes).build());
            jwt.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
            return jwt.serialize();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A real signature of a harmless payload, glued to a payload granting {@code scopes}. */
    String tampered(String... scopes) {
        String[] original = valid().split("\\.");
        return original[0] + "." + b64(claims(scopes).build().toString()) + "." + original[2];
    }

    String expired(String... scopes) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return signed(claims(scopes).issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(30)))).build());
    }

    String notYetValid(String... scopes) {
        return signed(claims(scopes).notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
    }

    String wrongIssuer(String... scopes) {
        return signed(claims(scopes).issuer("https://evil.example.org").build());
    }

    String wrongAudience(String... scopes) {
        return signed(claims(scopes).audience("https://other-system.example.org").build());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
