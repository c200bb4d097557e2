package io.artstore.testsupport.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI for TLS tests, made with the JDK's {@code keytool} (no extra
 * dependency): a CA and a server certificate for {@code localhost} and {@code 127.0.0.1}
 * signed by it, written as PEM files — exactly what Spring Boot PEM SSL bundles and the
 * {@code *_TLS_CERT}/{@code *_TLS_KEY}/{@code *_CA_CERT_PATH} variables take.
 *
 * @param caCert     CA certificate (PEM): the trust bundle for clients
 * @param serverCert server certificate followed by the CA certificate (PEM chain)
 * @param serverKey  server private key (PEM, PKCS#8, unencrypted)
 */
public record TestCertificates(Path caCert, Path serverCert, Path serverKey) {

    private static final String PASSWORD = "changeit";

    /** Generates a fresh CA and server certificate (valid 30 days) into {@code dir}. */
    public static TestCertificates generate(Path dir) {
        return generate(dir, 30);
    }

    /**
     * The CA and server certificate already in {@code dir} (from an earlier {@link #generate}),
     * or new ones valid for {@code validityDays} when there are none.
     */
    public static TestCertificates reuseOrGenerate(Path dir, int validityDays) {
        TestCertificates existing = new TestCertificates(dir.resolve("ca.pem"), dir.resolve("server.pem"),
                dir.resolve("server-key.pem"));
        if (Files.isRegularFile(existing.caCert()) && Files.isRegularFile(existing.serverCert())
                && Files.isRegularFile(existing.serverKey())) {
            return existing;
        }
        return generate(dir, validityDays);
    }

    /** Generates a fresh CA and server certificate valid for {@code validityDays} into {@code dir}. */
    public static TestCertificates generate(Path dir, int validityDays) {
        String validity = Integer.toString(validityDays);
        try {
            Files.createDirectories(dir);
            Path ca = dir.resolve("ca.p12");
            Path server = dir.resolve("server.p12");
            Path csr = dir.resolve("server.csr");
            Path signed = dir.resolve("server.crt");
            Path caPem = dir.resolve("ca.pem");
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", validity,
                    "-dname", "CN=ArtStore Test CA", "-ext", "bc:c", "-storetype", "PKCS12",
                    "-keystore", ca.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                    "-file", caPem.toString());
            keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", validity,
                    "-dname", "CN=localhost", "-storetype", "PKCS12",
                    "-keystore", server.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD,
                    "-file", csr.toString());
            keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                    "-infile", csr.toString(), "-outfile", signed.toString(), "-validity", validity,
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "KU=digitalSignature,keyEncipherment",
                    "-ext", "EKU=serverAuth");
            Path certPem = dir.resolve("server.pem");
            Files.writeString(certPem, Files.readString(signed).strip() + "\n" + Files.readString(caPem).strip() + "\n");
            Path keyPem = dir.resolve("server-key.pem");
            Files.writeString(keyPem, privateKeyPem(server));
            return new TestCertificates(caPem, certPem, keyPem);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An SSL context trusting only the test CA. */
    public SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(caCert)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("artstore-test-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An SSL context serving the server certificate and key (for a test's own TLS server). */
    public SSLContext serverContext() {
        try {
            String pem = Files.readString(serverKey, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, PASSWORD.toCharArray(), serverChain().toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A JDK HTTP client trusting only the test CA. */
    public HttpClient httpClient() {
        return HttpClient.newBuilder().sslContext(clientContext()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The server certificate as parsed X.509 (for assertions). */
    public List<X509Certificate> serverChain() {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(Files.readAllBytes(serverCert)))) {
                chain.add((X509Certificate) certificate);
            }
            return chain;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String privateKeyPem(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        Key key = store.getKey("server", PASSWORD.toCharArray());
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", ex);
        }
    }
}
