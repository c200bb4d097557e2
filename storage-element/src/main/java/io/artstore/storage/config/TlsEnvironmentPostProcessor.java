package io.artstore.storage.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns on HTTPS when both {@code SE_TLS_CERT} and {@code SE_TLS_KEY} are set: registers a
 * PEM SSL bundle named {@value #BUNDLE} from the two files and points {@code server.ssl} at
 * it; the bundle reloads when the files change (certificate renewal without restart).
 * Without them the server speaks plain HTTP (local development, tests).
 */
public class TlsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String BUNDLE = "storage-element-tls";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String cert = environment.getProperty("artstore.storage.tls-cert", "").trim();
        String key = environment.getProperty("artstore.storage.tls-key", "").trim();
        if (cert.isEmpty() || key.isEmpty()) {
            return; // both empty: plain HTTP; only one set: rejected by StorageProperties validation
        }
        Map<String, Object> tls = new LinkedHashMap<>();
        String prefix = "spring.ssl.bundle.pem." + BUNDLE + ".keystore.";
        tls.put(prefix + "certificate", location(cert));
        tls.put(prefix + "private-key", location(key));
        // a renewed certificate (same paths) is picked up without a restart
        tls.put("spring.ssl.bundle.pem." + BUNDLE + ".reload-on-update", "true");
        tls.put("server.ssl.enabled", "true");
        tls.put("server.ssl.bundle", BUNDLE);
        environment.getPropertySources().addFirst(new MapPropertySource("storage-element-tls", tls));
    }

    private static String location(String value) {
        if (value.startsWith("file:") || value.startsWith("classpath:")) {
            return value;
        }
        return "file:" + Path.of(value).toAbsolutePath();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
