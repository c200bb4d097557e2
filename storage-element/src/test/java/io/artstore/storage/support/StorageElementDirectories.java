package io.artstore.storage.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** The settings every {@link StorageElementTest} shares: its own temp directories, the test JWKS, no scheduling. */
public class StorageElementDirectories implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MapPropertySource shared = new MapPropertySource("storageElementTest", Map.of(
                "artstore.storage.data-dir", SeTest.tempDir("se-data").toString(),
                "artstore.storage.wal-dir", SeTest.tempDir("se-wal").toString(),
                "artstore.security.jwks-url", SeTest.ISSUER.jwksUrl(),
                "artstore.storage.scheduling", "false"));
        // above application.yml and the environment, below the test's own properties
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, shared);
        } else {
            sources.addFirst(shared);
        }
    }
}
