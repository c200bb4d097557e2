package io.artstore.admin.auth;

import java.util.List;

import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 8414 authorization server metadata that lists only what admin-module really does: the
 * client-credentials grant at {@code /oauth2/token} with {@code client_secret_basic} or
 * {@code client_secret_post}, and the JWKS.
 *
 * <p>Served here instead of by Spring Authorization Server, whose metadata builder insists on
 * an authorization endpoint and a non-empty {@code response_types_supported} and would so
 * advertise flows (authorization code, PKCE, device, introspection, revocation, DPoP, mTLS)
 * that admin-module's clients cannot use. {@link AuthorizationServerConfiguration} keeps its
 * filter off this path.
 */
@RestController
@Tag(name = "auth", description = "OAuth 2.0 tokens for service accounts")
@SecurityRequirements
public class AuthorizationServerMetadataController {

    static final String PATH = "/.well-known/oauth-authorization-server";

    private final IssuerResolver issuer;
    private final AuthorizationServerSettings settings;

    public AuthorizationServerMetadataController(IssuerResolver issuer, AuthorizationServerSettings settings) {
        this.issuer = issuer;
        this.settings = settings;
    }

    // RFC 8414 section 3: with an issuer that has a path the document lives under PATH + that path
    @GetMapping({PATH, PATH + "/{*issuerPath}"})
    @Operation(summary = "OAuth 2.0 authorization server metadata (RFC 8414)",
            description = "Issuer, token endpoint, JWKS, and the only grant and client authentication methods that "
                    + "work: client_credentials with client_secret_basic or client_secret_post. No authorization "
                    + "endpoint, so no response types.")
    @ApiResponse(responseCode = "200", description = "Metadata")
    public ResponseEntity<Metadata> metadata() {
        String base = issuer.issuer();
        Metadata metadata = new Metadata(base,
                base + settings.getTokenEndpoint(),
                List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
                        ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue()),
                base + settings.getJwkSetEndpoint(),
                List.of(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()),
                Scopes.ALL);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(metadata);
    }

    /**
     * The metadata document. {@code response_types_supported} is left out on purpose although
     * RFC 8414 section 2 calls it REQUIRED: it describes the authorization endpoint, which
     * admin-module does not have, and section 3.2 forbids the only truthful value, an empty
     * array. Omitting it is what the OAuth working group advises for servers without an
     * authorization endpoint (see OpenID4VCI issue 248), and what standard clients (Nimbus
     * {@code AuthorizationServerMetadata.parse}, Spring Security's {@code ClientRegistrations})
     * accept; advertising {@code code} would make them try a flow that cannot work.
     */
    @Schema(name = "AuthorizationServerMetadata")
    public record Metadata(
            @Schema(description = "Issuer identifier, the iss of every token") String issuer,
            @Schema(description = "RFC 6749 token endpoint") String tokenEndpoint,
            @Schema(example = "[\"client_secret_basic\", \"client_secret_post\"]")
            List<String> tokenEndpointAuthMethodsSupported,
            @Schema(description = "Public signing keys") String jwksUri,
            @Schema(example = "[\"client_credentials\"]") List<String> grantTypesSupported,
            List<String> scopesSupported) {
    }
}
