package io.artstore.kernel.health;

import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.boot.health.contributor.Status;

/** The three states of the ArtStore health contract and their mapping from Actuator statuses. */
public enum HealthState {
    OK, DEGRADED, FAIL;

    /** Actuator status a contributor reports to mean "works, with limitations". */
    public static final Status DEGRADED_STATUS = new Status("DEGRADED", "Working with limitations");

    public static HealthState of(Status status) {
        if (Status.UP.equals(status)) {
            return OK;
        }
        if (DEGRADED_STATUS.getCode().equals(status.getCode()) || Status.UNKNOWN.equals(status)) {
            return DEGRADED;
        }
        return FAIL;
    }

    public HealthState worse(HealthState other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
