package io.artstore.ingester.registration;

import java.util.Optional;

import io.artstore.kernel.client.admin.AdminClient;
import io.artstore.kernel.client.admin.FileRegistration;
import io.artstore.kernel.client.admin.RegisteredFile;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.resilience.annotation.Retryable;

/**
 * Registers a stored file in admin-module's registry, retrying while admin-module is
 * unreachable or failing. A 409 means the file is registered already (a sync got there
 * first), which is success; it carries no registry view of the file.
 */
public class FileRegistrar {

    private static final Logger log = LoggerFactory.getLogger(FileRegistrar.class);

    private final AdminClient admin;

    public FileRegistrar(AdminClient admin) {
        this.admin = admin;
    }

    @Retryable(includes = AdminUnavailableException.class, maxRetriesString = "${artstore.ingester.register-retries:3}",
            delayString = "${artstore.ingester.register-delay:200ms}", multiplier = 2, maxDelay = 2000)
    public Optional<RegisteredFile> register(FileRegistration registration) {
        try {
            return Optional.of(admin.registerFile(registration));
        } catch (ApiException ex) {
            if (ex.code() == ErrorCode.CONFLICT) {
                log.info("File {} was already registered", registration.fileId());
                return Optional.empty();
            }
            if (ex.code() == ErrorCode.ADMIN_UNAVAILABLE || ex.status().is5xxServerError()) {
                throw new AdminUnavailableException(ex);
            }
            throw ex;
        }
    }

    /** Admin-module could not take the registration right now; worth another try. */
    public static class AdminUnavailableException extends RuntimeException {
        AdminUnavailableException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
