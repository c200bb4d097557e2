package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** deploy/prometheus: alert rules and scrape configurations parse and are complete. */
class PrometheusRulesTest {

    @Test
    void everyRuleHasAlertExprSeverityAndSummary() {
        List<Map<String, Object>> rules = rules();
        assertThat(rules).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            assertThat(alert).as("rule %s has an alert name", rule).isNotBlank();
            assertThat(names.add(alert)).as("alert %s is unique", alert).isTrue();
            assertThat((String) rule.get("expr")).as("%s: expr", alert).isNotBlank();
            Map<?, ?> labels = (Map<?, ?>) rule.get("labels");
            assertThat(labels).as("%s: labels", alert).isNotNull();
            assertThat(labels.get("severity")).as("%s: labels.severity", alert).isIn("critical", "warning", "info");
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            assertThat(annotations).as("%s: annotations", alert).isNotNull();
            assertThat((String) annotations.get("summary")).as("%s: annotations.summary", alert).isNotBlank();
            if (rule.containsKey("for")) {
                assertThat(String.valueOf(rule.get("for"))).as("%s: for", alert).matches("\\d+[smhd]");
            }
        }
    }

    @Test
    void theIssuesAlertsArePresent() {
        List<String> exprs = rules().stream().map(r -> (String) r.get("expr")).toList();
        // SE offline, SE > 90% full, sync failures, 5xx rate, lockouts
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("up{application=\"storage-element\"}"));
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("se_storage_used_bytes").contains("0.9"));
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("sync").contains("failure"));
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("http_server_requests_seconds_count").contains("5.."));
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("lockouts"));
    }

    @Test
    void serviceAccountSecretsWarnTwoWeeksBeforeTheyExpire() {
        Map<String, Object> rule = rules().stream()
                .filter(r -> "ArtStoreServiceAccountSecretExpiring".equals(r.get("alert"))).findFirst().orElseThrow();
        assertThat((String) rule.get("expr"))
                .contains("artstore_admin_service_account_secret_expires_in_seconds")
                .contains("< 14 * 86400");
        assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).isEqualTo("warning");
    }

    @Test
    void rulesReadOnlyArtStoreMetricFamilies() {
        for (Map<String, Object> rule : rules()) {
            for (String metric : PromQl.metricNames((String) rule.get("expr"))) {
                assertThat(MetricCatalog.known(metric)).as("%s reads unknown metric %s", rule.get("alert"), metric).isTrue();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void scrapeConfigurationsParseAndLoadTheRules() {
        Map<String, Object> compose = RepoFiles.yamlMap(RepoFiles.resolve("deploy/prometheus/prometheus.yml"));
        assertThat((List<String>) compose.get("rule_files")).anySatisfy(f -> assertThat(f).endsWith("alerts.yml"));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) compose.get("scrape_configs");
        assertThat(jobs).extracting(j -> j.get("job_name")).contains(
                "admin-module", "storage-element", "ingester-module", "query-module", "admin-ui");
        assertThat(jobs).allSatisfy(j -> assertThat(j.get("metrics_path")).isEqualTo("/metrics"));

        Map<String, Object> k8s = RepoFiles.yamlMap(RepoFiles.resolve("deploy/prometheus/kubernetes-scrape.yml"));
        assertThat((List<?>) k8s.get("scrape_configs")).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        Map<String, Object> file = RepoFiles.yamlMap(RepoFiles.resolve("deploy/prometheus/alerts.yml"));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
        assertThat(groups).isNotEmpty();
        groups.forEach(g -> assertThat((String) g.get("name")).isNotBlank());
        return groups.stream().flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
    }
}
