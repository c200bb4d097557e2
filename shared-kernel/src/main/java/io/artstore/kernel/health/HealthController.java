package io.artstore.kernel.health;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness probes of the contract, open without a token. */
@RestController
@RequestMapping("/health")
@Tag(name = "health", description = "Liveness and readiness probes")
@SecurityRequirements
public class HealthController {

    private final ReadinessEvaluator evaluator;
    private final ServiceIdentity identity;
    private final Clock clock;

    public HealthController(ReadinessEvaluator evaluator, ServiceIdentity identity, Clock clock) {
        this.evaluator = evaluator;
        this.identity = identity;
        this.clock = clock;
    }

    @GetMapping("/live")
    @Operation(summary = "Liveness probe", description = "200 while the process is running; checks no dependency.")
    public HealthResponses.Live live() {
        return new HealthResponses.Live(HealthState.OK, now(), identity.version(), identity.name());
    }

    @GetMapping("/ready")
    @Operation(summary = "Readiness probe",
            description = "Runs every dependency check: ok and degraded answer 200, fail answers 503.")
    @ApiResponse(responseCode = "200", description = "ok or degraded",
            content = @Content(schema = @Schema(implementation = HealthResponses.Ready.class)))
    @ApiResponse(responseCode = "503", description = "fail",
            content = @Content(schema = @Schema(implementation = HealthResponses.Ready.class)))
    public ResponseEntity<HealthResponses.Ready> ready() {
        Map<String, HealthResponses.Check> checks = evaluator.evaluate();
        HealthState state = ReadinessEvaluator.overall(checks);
        HealthResponses.Ready body = new HealthResponses.Ready(state, now(), identity.version(), identity.name(), checks);
        return ResponseEntity.status(state == HealthState.FAIL ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(body);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
