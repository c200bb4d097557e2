package io.artstore.testsupport.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

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

    @Test
    void theServerContextServesTheCertificateTheClientContextTrusts() throws Exception {
        TestCertificates certificates = TestCertificates.generate(dir);
        try (SSLServerSocket server = (SSLServerSocket) certificates.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = server.accept()) {
                    accepted.getOutputStream().write(42);
                } catch (IOException ignored) {
                    // the client's assertion reports it
                }
            });
            try (SSLSocket client = (SSLSocket) certificates.clientContext().getSocketFactory()
                    .createSocket("127.0.0.1", server.getLocalPort())) {
                client.setSoTimeout(10_000);
                assertThat(client.getInputStream().read()).isEqualTo(42);
                assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(certificates.serverChain().get(0));
            }
        }
    }
}
