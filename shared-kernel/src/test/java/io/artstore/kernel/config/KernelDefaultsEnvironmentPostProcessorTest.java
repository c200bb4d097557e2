package io.artstore.kernel.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class KernelDefaultsEnvironmentPostProcessorTest {

    private final KernelDefaultsEnvironmentPostProcessor processor = new KernelDefaultsEnvironmentPostProcessor();

    @Test
    void jsonLogsByDefault() {
        MockEnvironment env = new MockEnvironment();
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(env.getProperty("spring.jackson.property-naming-strategy")).isEqualTo("SNAKE_CASE");
        assertThat(env.getProperty("management.endpoints.web.path-mapping.prometheus")).isEqualTo("metrics");
        assertThat(env.getProperty("management.observations.enable.spring.security")).isEqualTo("false");
    }

    @Test
    void textLogsWhenAskedOrInDevProfile() {
        MockEnvironment text = new MockEnvironment().withProperty("artstore.logging.format", "text");
        processor.postProcessEnvironment(text, new SpringApplication());
        assertThat(text.getProperty("logging.structured.format.console")).isNull();

        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        processor.postProcessEnvironment(dev, new SpringApplication());
        assertThat(dev.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void moduleSettingsWinOverDefaults() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("module",
                java.util.Map.of("spring.jackson.deserialization.fail-on-unknown-properties", "false")));
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.jackson.deserialization.fail-on-unknown-properties")).isEqualTo("false");
    }
}
