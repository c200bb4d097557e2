package io.artstore.kernel.health;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** JSON bodies of {@code /health/live} and {@code /health/ready}. */
public final class HealthResponses {

    private HealthResponses() {
    }

    @Schema(name = "HealthLiveResponse")
    public record Live(HealthState status, Instant timestamp, String version, String service) {
    }

    @Schema(name = "HealthReadyResponse")
    public record Ready(HealthState status, Instant timestamp, String version, String service,
                        Map<String, Check> checks) {
    }

    @Schema(name = "HealthCheck")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(HealthState status, String message) {
    }
}
