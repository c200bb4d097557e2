package io.artstore.admin.keys;

import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Status and rotation of the JWT signing keys. */
@RestController
@RequestMapping("/api/v1/jwt-keys")
@Tag(name = "jwt-keys", description = "JWT signing keys")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
public class JwtKeyController {

    private final JwtKeyService keys;

    public JwtKeyController(JwtKeyService keys) {
        this.keys = keys;
    }

    @GetMapping("/status")
    @RequiresScope(Scopes.ADMIN_READ)
    @Operation(summary = "Signing key status",
            description = "Active key id, algorithm and creation time; the previous key and the end of its grace period "
                    + "while one is running. Needs admin:read.")
    @ApiResponse(responseCode = "200", description = "Key status")
    public JwtKeyStatus status() {
        return keys.status();
    }

    @PostMapping("/rotate")
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Rotate the signing key",
            description = "Generates a new RSA key pair and makes it active at once on every replica. The previous key "
                    + "stays in the JWKS and keeps validating tokens for the grace period (AM_JWT_KEY_GRACE_PERIOD). "
                    + "Needs admin:write.")
    @ApiResponse(responseCode = "200", description = "Key rotated")
    public JwtKeyRotation rotate() {
        return keys.rotate();
    }
}
