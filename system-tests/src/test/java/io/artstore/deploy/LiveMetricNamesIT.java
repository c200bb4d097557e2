package io.artstore.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.artstore.devstack.LocalStack;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboards and the Prometheus alert rules use is exported by a
 * running service: checked against live {@code /metrics} scrapes of the whole stack after
 * some traffic, not against a list someone has to keep in step.
 */
class LiveMetricNamesIT {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{|\\s)", Pattern.MULTILINE);

    @Test
    void dashboardsAndAlertsUseOnlyExportedMetrics() throws Exception {
        LocalStack stack = io.artstore.system.SystemStackAccess.stack();
        io.artstore.system.SystemStackAccess.exerciseEveryService();

        Set<String> exported = new TreeSet<>();
        Map<String, TestHttp> services = Map.of(
                "admin-module", TestHttp.to(stack.adminUrl()),
                "storage-element", TestHttp.to(stack.seEditUrl(), stack.certificates().httpClient()),
                "ingester-module", TestHttp.to(stack.ingesterUrl()),
                "query-module", TestHttp.to(stack.queryUrl()),
                "admin-ui", TestHttp.to(stack.uiUrl()));
        services.forEach((name, http) -> {
            TestHttp.Response metrics = http.get("/metrics");
            assertThat(metrics.status()).as(name + " /metrics").isEqualTo(200);
            Matcher matcher = SAMPLE.matcher(metrics.body());
            while (matcher.find()) {
                exported.add(matcher.group(1));
            }
        });

        Set<String> used = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (java.nio.file.Path dashboard : GrafanaDashboardTest.dashboards()) {
            JsonNode node = json.readTree(dashboard.toFile());
            GrafanaDashboardTest.expressions(node).forEach(expr -> used.addAll(PromQl.metricNames(expr)));
        }
        PrometheusRulesTest.rules().forEach(rule -> used.addAll(PromQl.metricNames((String) rule.get("expr"))));
        used.remove("up"); // Prometheus' own series

        assertThat(used).as("metrics used by dashboards and alerts").isNotEmpty();
        assertThat(exported).as("every metric used by a dashboard or alert is exported").containsAll(used);
    }
}
