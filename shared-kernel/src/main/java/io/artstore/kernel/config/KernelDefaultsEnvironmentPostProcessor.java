package io.artstore.kernel.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * House defaults every service shares, added with the lowest precedence so a module's
 * own configuration or an environment variable always wins: JSON in snake_case with
 * strict unknown-field checks, Prometheus at {@code /metrics}, no whitelabel page, no
 * framework multipart buffering. Also picks the log format: structured JSON unless
 * {@code artstore.logging.format=text} or the {@code dev} profile is active.
 */
public class KernelDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "artstore-kernel-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load("artstore-kernel-defaults", new ClassPathResource(DEFAULTS, getClass().getClassLoader()))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
        }
        String format = environment.getProperty("artstore.logging.format", "json").trim().toLowerCase(Locale.ROOT);
        boolean dev = Arrays.asList(environment.getActiveProfiles()).contains("dev");
        if ("json".equals(format) && !dev && !environment.containsProperty("logging.structured.format.console")) {
            environment.getPropertySources().addFirst(new MapPropertySource("artstore-logging",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
