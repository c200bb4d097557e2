package io.artstore.admin.auth;

import java.util.Map;

import io.artstore.admin.accounts.ServiceAccount;
import io.artstore.admin.accounts.ServiceAccountService;
import io.artstore.admin.keys.DatabaseJwkSource;
import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.error.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contract token endpoint for service accounts (JSON client credentials) and the JWKS.
 * The RFC 6749 endpoint {@code /oauth2/token} and {@code /oauth2/jwks} are served by
 * Spring Authorization Server with the same keys and claims.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "OAuth 2.0 tokens for service accounts")
@SecurityRequirements
public class TokenController {

    private static final String GRANT = AuthorizationGrantType.CLIENT_CREDENTIALS.getValue();

    private final ServiceAccountService accounts;
    private final TokenIssuer issuer;
    private final DatabaseJwkSource jwkSource;
    private final TokenMetrics metrics;

    public TokenController(ServiceAccountService accounts, TokenIssuer issuer, DatabaseJwkSource jwkSource,
                           TokenMetrics metrics) {
        this.accounts = accounts;
        this.issuer = issuer;
        this.jwkSource = jwkSource;
        this.metrics = metrics;
    }

    @PostMapping("/token")
    @Operation(summary = "Get an access token (client credentials)",
            description = "Exchanges a service account's client_id and client_secret for an RS256 JWT carrying the "
                    + "account's scopes. No refresh token: ask again with the credentials. Form-encoded RFC 6749 "
                    + "requests go to /oauth2/token.")
    @ApiResponse(responseCode = "200", description = "Token issued")
    @ApiResponse(responseCode = "400", description = "Malformed request",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "INVALID_CREDENTIALS (unknown client, wrong secret, suspended "
            + "account) or SECRET_EXPIRED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public TokenResponse token(@Valid @RequestBody TokenRequest request) {
        ServiceAccount account;
        try {
            account = accounts.authenticate(request.clientId(), request.clientSecret());
        } catch (ApiException ex) {
            metrics.rejected(GRANT, ex.code().name());
            throw ex;
        }
        IssuedToken token = issuer.forServiceAccount(account);
        accounts.recordTokenIssued(account.id());
        metrics.issued(GRANT);
        return new TokenResponse(token.value(), "Bearer", token.expiresIn(), String.join(" ", token.scopes()));
    }

    @GetMapping("/jwks")
    @Operation(summary = "Public signing keys (JWKS)",
            description = "The active key and, during the grace period after a rotation, the previous one. Same as "
                    + "/oauth2/jwks. No token needed.")
    @ApiResponse(responseCode = "200", description = "JSON Web Key Set")
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(jwkSource.publicKeys().toJSONObject());
    }

    /** Client credentials as JSON. */
    @Schema(name = "TokenRequest")
    public record TokenRequest(
            @Schema(description = "Service account client id", example = "sa_ingester_a1b2c3d4") @NotBlank String clientId,
            @Schema(description = "Service account secret") @NotBlank String clientSecret) {

        @Override
        public String toString() {
            return "TokenRequest[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** An access token. */
    @Schema(name = "TokenResponse")
    public record TokenResponse(
            @Schema(description = "RS256 JWT") String accessToken,
            @Schema(allowableValues = "Bearer") String tokenType,
            @Schema(description = "Lifetime in seconds", example = "3600") long expiresIn,
            @Schema(description = "Granted scopes, space separated", example = "files:write storage:read") String scope) {
    }
}
