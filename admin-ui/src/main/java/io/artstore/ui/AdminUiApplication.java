package io.artstore.ui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Admin UI: operator web console (Thymeleaf + HTMX) on top of admin-module's API. Its one
 * settings record, {@link UiProperties}, is shared by the api and auth features.
 */
@SpringBootApplication
@EnableConfigurationProperties(UiProperties.class)
public class AdminUiApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminUiApplication.class, args);
    }
}
