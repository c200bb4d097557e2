package io.artstore.kernel.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * Runs every Actuator health contributor of the service (minus the excluded ones) and
 * turns the results into the readiness checks of the contract. A service adds a check
 * by declaring a {@link HealthIndicator} bean; its detail {@code message} becomes the
 * check's message.
 */
public class ReadinessEvaluator {

    private final HealthContributorRegistry registry;
    private final Set<String> excluded;

    public ReadinessEvaluator(HealthContributorRegistry registry, Set<String> excluded) {
        this.registry = registry;
        this.excluded = excluded;
    }

    public Map<String, HealthResponses.Check> evaluate() {
        Map<String, HealthResponses.Check> checks = new LinkedHashMap<>();
        registry.stream()
                .filter(entry -> !excluded.contains(entry.name()))
                .forEach(entry -> collect(entry.name(), entry.contributor(), checks));
        return checks;
    }

    public static HealthState overall(Map<String, HealthResponses.Check> checks) {
        return checks.values().stream().map(HealthResponses.Check::status).reduce(HealthState.OK, HealthState::worse);
    }

    private void collect(String name, HealthContributor contributor, Map<String, HealthResponses.Check> checks) {
        if (contributor instanceof HealthIndicator indicator) {
            checks.put(name, toCheck(safeHealth(indicator)));
        } else if (contributor instanceof CompositeHealthContributor composite) {
            composite.stream().forEach(child -> collect(name + "." + child.name(), child.contributor(), checks));
        }
    }

    private static Health safeHealth(HealthIndicator indicator) {
        try {
            Health health = indicator.health(true);
            return health != null ? health : Health.unknown().build();
        } catch (RuntimeException ex) {
            return Health.down(ex).build();
        }
    }

    private static HealthResponses.Check toCheck(Health health) {
        Status status = health.getStatus();
        Object message = health.getDetails().get("message");
        if (message == null && health.getDetails().get("error") != null) {
            message = "check failed";
        }
        return new HealthResponses.Check(HealthState.of(status), message != null ? message.toString() : null);
    }
}
