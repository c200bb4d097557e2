package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void listsTheMetricsOfAnExpression() {
        assertThat(PromQl.metricNames("""
                sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", uri!="/x"}[5m]))
                  / on (application) group_left
                sum without (instance) (rate(http_server_requests_seconds_count[$__rate_interval])) > 0.05
                """)).containsExactly("http_server_requests_seconds_count");
        assertThat(PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, mode) (rate(query_search_duration_seconds_bucket[5m])))"))
                .containsExactly("query_search_duration_seconds_bucket");
        assertThat(PromQl.metricNames("(se_storage_used_bytes / se_storage_total_bytes > 0.9) and se_storage_total_bytes > 0"))
                .containsExactly("se_storage_total_bytes", "se_storage_used_bytes");
        assertThat(PromQl.metricNames("up{application=\"storage-element\"} == 0 offset 1h"))
                .containsExactly("up");
        assertThat(PromQl.metricNames("sum(increase(x_total[1h])) by (storage_id) * 1e3"))
                .containsExactly("x_total");
    }
}
