package io.artstore.testsupport.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TestCertificatesTest {

    @TempDir
    Path dir;

    @Test
    void generatesACaSignedServerCertificateForLoopback() throws Exception {
        TestCertificates certificates = TestCertificates.generate(dir);
        List<X509Certificate> chain = certificates.serverChain();
        assertThat(chain).hasSize(2);
        X509Certificate server = chain.get(0);
        X509Certificate ca = chain.get(1);
        server.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        List<Object> names = server.getSubjectAlternativeNames().stream().<Object>map(san -> san.get(1)).toList();
        assertThat(names).contains("localhost", "127.0.0.1");
        assertThat(Files.readString(certificates.serverKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(certificates.caCert())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(certificates.clientContext().getProtocol()).isEqualTo("TLS");
    }
}
