package io.artstore.ui;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the admin UI ({@code artstore.ui.*}, mapped from the {@code UI_*} variables).
 *
 * @param adminUrl        base URL of admin-module ({@code UI_ADMIN_URL})
 * @param queryUrl        base URL of query-module, used for downloads ({@code UI_QUERY_URL})
 * @param connectTimeout  connect timeout of calls to both
 * @param readTimeout     read timeout of calls to admin-module (a registry sync may take a while)
 * @param downloadTimeout read timeout of a download stream from query-module
 * @param refreshBefore   an access token is refreshed when it expires within this time
 */
@Validated
@ConfigurationProperties("artstore.ui")
public record UiProperties(
        @NotNull URI adminUrl,
        @NotNull URI queryUrl,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("5m") Duration readTimeout,
        @NotNull @DefaultValue("5m") Duration downloadTimeout,
        @NotNull @DefaultValue("60s") Duration refreshBefore) {
}
