package io.artstore.query.search;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Search metrics: {@code query_search_total{mode,outcome}} and the latency histogram
 * {@code query_search_duration_seconds{mode}} of searches that ran.
 */
public class SearchMetrics {

    /** How a search ended. */
    public enum Outcome {
        SUCCESS, INVALID, UNAVAILABLE, ERROR;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(SearchMode mode, Outcome outcome) {
        Counter.builder("query.search")
                .description("Search requests by mode and outcome")
                .tag("mode", mode.value())
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void stop(Timer.Sample sample, SearchMode mode) {
        sample.stop(Timer.builder("query.search.duration")
                .description("Latency of search queries")
                .tag("mode", mode.value())
                .publishPercentileHistogram()
                .register(registry));
    }
}
