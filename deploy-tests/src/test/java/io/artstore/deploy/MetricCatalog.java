package io.artstore.deploy;

import java.util.List;

/**
 * The metric families ArtStore dashboards and alerts may use: Prometheus' own `up`, the
 * standard Spring Boot / Micrometer meters, and each module's own prefix. The live-scrape
 * test (later, against running services) checks exact names; this catches typos now.
 */
final class MetricCatalog {

    static final List<String> PREFIXES = List.of(
            "http_server_requests_seconds_", "http_client_requests_seconds_",
            "jvm_", "process_", "system_", "hikaricp_", "tomcat_", "executor_", "logback_", "application_",
            "se_", "ingester_", "query_", "artstore_admin_", "admin_ui_");

    private MetricCatalog() {
    }

    static boolean known(String metric) {
        return metric.equals("up") || PREFIXES.stream().anyMatch(metric::startsWith);
    }
}
