package io.artstore.ui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Admin UI: operator web console (Thymeleaf + HTMX) on top of admin-module's API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdminUiApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminUiApplication.class, args);
    }
}
