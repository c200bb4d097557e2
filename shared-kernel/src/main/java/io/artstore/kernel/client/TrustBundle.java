package io.artstore.kernel.client;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/** TLS trust for calls to remote services: a PEM CA bundle, or the JVM's default trust. */
public final class TrustBundle {

    private TrustBundle() {
    }

    public static SSLContext sslContext(String caCertPath) {
        return sslBundle(caCertPath).createSslContext();
    }

    /** The same trust as an {@link SslBundle}, for Spring Boot's HTTP client builders. */
    public static SslBundle sslBundle(String caCertPath) {
        if (caCertPath == null || caCertPath.isBlank()) {
            return SslBundle.systemDefault();
        }
        Path path = Path.of(caCertPath);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("CA certificate bundle is not readable: " + caCertPath);
        }
        PemSslStoreBundle store = new PemSslStoreBundle(null, PemSslStoreDetails.forCertificates(path.toUri().toString()));
        return SslBundle.of(store);
    }
}
