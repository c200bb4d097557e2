package io.artstore.admin.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.artstore.admin.common.Timestamps;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.kernel.security.Scopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Service accounts: management, secrets and credential checks. Secrets are never logged. */
public class ServiceAccountService {

    private static final Logger log = LoggerFactory.getLogger(ServiceAccountService.class);
    private static final int CLIENT_ID_ATTEMPTS = 5;

    private final ServiceAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final ServiceAccountProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;
    private final SecretExpiryMetrics expiryMetrics;

    ServiceAccountService(ServiceAccountRepository repository, PasswordEncoder passwordEncoder,
                          ServiceAccountProperties properties, Clock clock, SecretExpiryMetrics expiryMetrics) {
        this.repository = repository;
        this.expiryMetrics = expiryMetrics;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(SecretPolicy.newSecret(random));
    }

    public ServiceAccountDtos.WithSecret create(ServiceAccountDtos.Create request) {
        List<String> scopes = checkScopes(request.scopes());
        int days = request.secretExpirationDays() != null ? request.secretExpirationDays()
                : properties.secretExpirationDays();
        String secret = SecretPolicy.newSecret(random);
        String hash = passwordEncoder.encode(secret);
        Instant now = Timestamps.now(clock);
        String name = checkName(request.name());
        for (int attempt = 1; ; attempt++) {
            ServiceAccount account = new ServiceAccount(UUID.randomUUID(), ClientIds.generate(name, random), name,
                    request.description(), hash, scopes, ServiceAccountStatus.ACTIVE, days,
                    SecretPolicy.expiresAt(now, days), now, now, null);
            try {
                repository.insert(account);
                log.info("Created service account {} ({})", account.clientId(), account.id());
                expiryMetrics.refresh();
                return ServiceAccountDtos.WithSecret.of(account, secret);
            } catch (DuplicateKeyException ex) {
                if (isNameConflict(ex) || attempt == CLIENT_ID_ATTEMPTS) {
                    throw ApiException.conflict("A service account named '" + name + "' already exists");
                }
            }
        }
    }

    public Page<ServiceAccountDtos.View> list(String status, PageQuery page) {
        ServiceAccountStatus filter = status == null || status.isBlank() ? null : ServiceAccountStatus.parse("status", status);
        List<ServiceAccountDtos.View> items = repository.list(filter, page).stream()
                .map(ServiceAccountDtos.View::of).toList();
        return Page.of(items, repository.count(filter), page);
    }

    public ServiceAccountDtos.View get(UUID id) {
        return ServiceAccountDtos.View.of(find(id));
    }

    public ServiceAccountDtos.View update(UUID id, ServiceAccountDtos.Update request) {
        if (request.empty()) {
            throw ApiException.validation("At least one of name, description, scopes, status is required");
        }
        ServiceAccount current = find(id);
        ServiceAccount updated = new ServiceAccount(current.id(), current.clientId(),
                request.name() != null ? checkName(request.name()) : current.name(),
                request.description() != null ? request.description() : current.description(),
                current.secretHash(),
                request.scopes() != null ? checkScopes(request.scopes()) : current.scopes(),
                request.status() != null ? ServiceAccountStatus.parse("status", request.status()) : current.status(),
                current.secretExpirationDays(), current.secretExpiresAt(), current.createdAt(), Timestamps.now(clock),
                current.lastUsedAt());
        try {
            repository.update(updated);
        } catch (DuplicateKeyException ex) {
            throw ApiException.conflict("A service account named '" + updated.name() + "' already exists");
        }
        log.info("Updated service account {} (status {})", updated.clientId(), updated.status().json());
        expiryMetrics.refresh();
        return ServiceAccountDtos.View.of(updated);
    }

    /**
     * Deletes the account. One that obtained a token within the last 24 hours is probably a running
     * service's: {@code confirmName} must then equal its name, else 409 {@code CONFIRMATION_REQUIRED}.
     */
    public void delete(UUID id, String confirmName) {
        ServiceAccount account = find(id);
        requireConfirmation(account, confirmName, "delete");
        if (!repository.delete(id)) {
            throw notFound();
        }
        log.info("Deleted service account {} ({})", account.clientId(), id);
        expiryMetrics.refresh();
    }

    /**
     * A new secret; the old one stops working at once. The expiry restarts from now. Needs
     * {@code confirmName} like {@link #delete} for an account used within the last 24 hours.
     */
    public ServiceAccountDtos.RotatedSecret rotateSecret(UUID id, String confirmName) {
        ServiceAccount account = find(id);
        requireConfirmation(account, confirmName, "rotate the secret of");
        String secret = SecretPolicy.newSecret(random);
        Instant now = Timestamps.now(clock);
        Instant expiresAt = SecretPolicy.expiresAt(now, account.secretExpirationDays());
        if (!repository.updateSecret(id, passwordEncoder.encode(secret), expiresAt, now)) {
            throw notFound();
        }
        log.info("Rotated the secret of service account {}", account.clientId());
        expiryMetrics.refresh();
        return new ServiceAccountDtos.RotatedSecret(account.clientId(), secret, expiresAt);
    }

    /**
     * Checks client credentials for the token endpoint: 401 {@code INVALID_CREDENTIALS} for an unknown
     * client, a wrong secret or a suspended account, 401 {@code SECRET_EXPIRED} for an expired secret.
     */
    public ServiceAccount authenticate(String clientId, String secret) {
        ServiceAccount account = clientId == null ? null : repository.findByClientId(clientId).orElse(null);
        if (account == null) {
            passwordEncoder.matches(secret == null ? "" : secret, dummyHash);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Invalid client_id or client_secret");
        }
        if (secret == null || !passwordEncoder.matches(secret, account.secretHash())) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Invalid client_id or client_secret");
        }
        if (!account.active()) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Service account is suspended");
        }
        if (account.secretExpired(Timestamps.now(clock))) {
            throw new ApiException(ErrorCode.SECRET_EXPIRED, "The client secret has expired; rotate it");
        }
        return account;
    }

    /**
     * Notes that a token was just issued to the account (any token endpoint). Written at most once
     * a minute per account, by a conditional UPDATE that changes nothing otherwise.
     */
    public void recordTokenIssued(UUID id) {
        repository.markUsed(id, Timestamps.now(clock));
    }

    /** An account that may obtain tokens now (active, secret not expired), for the OAuth2 endpoint. */
    public java.util.Optional<ServiceAccount> findUsable(String clientId) {
        Instant now = Timestamps.now(clock);
        return repository.findByClientId(clientId).filter(ServiceAccount::active)
                .filter(account -> !account.secretExpired(now));
    }

    private void requireConfirmation(ServiceAccount account, String confirmName, String action) {
        Instant now = Timestamps.now(clock);
        if (account.usedRecently(now) && (confirmName == null || !account.name().equals(confirmName.strip()))) {
            throw new ApiException(ErrorCode.CONFIRMATION_REQUIRED, "Service account '" + account.name()
                    + "' obtained a token at " + account.lastUsedAt() + " (within "
                    + ServiceAccount.RECENT_USE.toHours() + " h), so a service probably depends on it; to " + action
                    + " it, pass its name as confirm_name");
        }
    }

    private ServiceAccount find(UUID id) {
        return repository.findById(id).orElseThrow(this::notFound);
    }

    private ApiException notFound() {
        return ApiException.notFound("Service account not found");
    }

    private static String checkName(String name) {
        String stripped = name.strip();
        if (stripped.length() < 2) {
            throw ApiException.validation("name: size must be between 2 and 50");
        }
        return stripped;
    }

    private static List<String> checkScopes(List<String> requested) {
        List<String> unknown = new ArrayList<>();
        LinkedHashSet<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (scope == null || !Scopes.isKnown(scope)) {
                unknown.add(String.valueOf(scope));
            } else {
                scopes.add(scope);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.validation("scopes: unknown scope " + String.join(", ", unknown)
                    + " (allowed: " + String.join(", ", Scopes.ALL) + ")");
        }
        return List.copyOf(scopes);
    }

    private static boolean isNameConflict(DuplicateKeyException ex) {
        String message = String.valueOf(ex.getMostSpecificCause().getMessage());
        return message.contains("service_accounts_name_key");
    }
}
