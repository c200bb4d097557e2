package io.artstore.admin.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the service-account endpoints. */
public final class ServiceAccountDtos {

    private static final String SCOPES_DESCRIPTION =
            "Scopes: files:read, files:write, storage:read, storage:write, admin:read, admin:write";

    private static final String LAST_USED_DESCRIPTION = "When a token was last issued to the account (any token "
            + "endpoint; recorded at most once a minute); null = never. Used within the last 24 h: deleting it or "
            + "rotating its secret needs confirm_name";

    private ServiceAccountDtos() {
    }

    @Schema(name = "ServiceAccount", description = "A service account; its secret is never shown here")
    public record View(
            UUID id,
            @Schema(description = "Client id, sa_<name>_<random>", example = "sa_ingester_a1b2c3d4") String clientId,
            @Schema(example = "ingester") String name,
            @Schema(nullable = true) String description,
            @ArraySchema(schema = @Schema(example = "files:write"), arraySchema = @Schema(description = SCOPES_DESCRIPTION))
            List<String> scopes,
            ServiceAccountStatus status,
            @Schema(description = "When the current secret expires; null = never", nullable = true) Instant secretExpiresAt,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = LAST_USED_DESCRIPTION, nullable = true) Instant lastUsedAt) {

        static View of(ServiceAccount account) {
            return new View(account.id(), account.clientId(), account.name(), account.description(), account.scopes(),
                    account.status(), account.secretExpiresAt(), account.createdAt(), account.updatedAt(),
                    account.lastUsedAt());
        }
    }

    @Schema(name = "ServiceAccountWithSecret", description = "A new service account with its secret, shown only this once")
    public record WithSecret(
            UUID id,
            String clientId,
            String name,
            @Schema(nullable = true) String description,
            List<String> scopes,
            ServiceAccountStatus status,
            @Schema(nullable = true) Instant secretExpiresAt,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = LAST_USED_DESCRIPTION, nullable = true) Instant lastUsedAt,
            @Schema(description = "The client secret. Shown only once: store it safely") String clientSecret) {

        static WithSecret of(ServiceAccount account, String secret) {
            return new WithSecret(account.id(), account.clientId(), account.name(), account.description(),
                    account.scopes(), account.status(), account.secretExpiresAt(), account.createdAt(),
                    account.updatedAt(), account.lastUsedAt(), secret);
        }

        @Override
        public String toString() {
            return "WithSecret[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    @Schema(name = "ServiceAccountCreate")
    public record Create(
            @Schema(description = "Name, used in the client id", example = "ingester")
            @NotBlank @Size(min = 2, max = 50) String name,
            @Schema(description = "What the account is for") @Size(max = 500) String description,
            @ArraySchema(schema = @Schema(example = "files:write"), arraySchema = @Schema(description = SCOPES_DESCRIPTION))
            @NotEmpty List<String> scopes,
            @Schema(description = "Secret lifetime in days, 0 = never expires; default AM_SA_SECRET_EXPIRATION_DAYS",
                    example = "90")
            @Min(0) @Max(3650) Integer secretExpirationDays) {
    }

    @Schema(name = "ServiceAccountUpdate", description = "Fields to change; at least one")
    public record Update(
            @Size(min = 2, max = 50) String name,
            @Size(max = 500) String description,
            @ArraySchema(arraySchema = @Schema(description = SCOPES_DESCRIPTION)) @Size(min = 1) List<String> scopes,
            @Schema(allowableValues = {"active", "suspended"}) String status) {

        boolean empty() {
            return name == null && description == null && scopes == null && status == null;
        }
    }

    @Schema(name = "RotateSecretResponse")
    public record RotatedSecret(
            String clientId,
            @Schema(description = "The new secret. Shown only once; the old one stopped working") String clientSecret,
            @Schema(description = "When the new secret expires; null = never", nullable = true) Instant secretExpiresAt) {

        @Override
        public String toString() {
            return "RotatedSecret[clientId=" + clientId + ", clientSecret=***]";
        }
    }
}
