package io.artstore.kernel.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the service-to-service clients ({@code artstore.clients.*}); each service maps
 * its own variables here (for example {@code IG_SE_CA_CERT_PATH} to {@code se-ca-cert-path}).
 *
 * @param adminUrl          base URL of admin-module (token endpoint and admin API)
 * @param clientId          this service's service-account client id
 * @param clientSecret      this service's service-account secret
 * @param adminTimeout      connect and response timeout of admin-module calls
 * @param seCaCertPath      PEM bundle of CA certificates trusted for storage elements; system trust when empty
 * @param seConnectTimeout  connect timeout towards storage elements
 * @param seTimeout         longest wait on a storage element: for its answer, for more of a download, or for
 *                          it to take the next write of an upload
 * @param tokenRenewBefore  renew the service token this long before it expires
 */
@ConfigurationProperties("artstore.clients")
@Validated
public record ClientProperties(
        String adminUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("10s") Duration adminTimeout,
        String seCaCertPath,
        @DefaultValue("5s") Duration seConnectTimeout,
        @DefaultValue("5m") Duration seTimeout,
        @DefaultValue("60s") Duration tokenRenewBefore) {

    public boolean hasServiceAccount() {
        return notBlank(adminUrl) && notBlank(clientId) && notBlank(clientSecret);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
