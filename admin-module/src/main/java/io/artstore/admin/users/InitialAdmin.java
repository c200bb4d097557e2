package io.artstore.admin.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.artstore.admin.common.AdvisoryLocks;
import io.artstore.admin.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first admin on the first start of an installation (no admin user at all):
 * {@code AM_INIT_ADMIN_USERNAME} with {@code AM_INIT_ADMIN_PASSWORD}, or with a generated
 * password that is written to the log exactly once. Replicas starting together create it once.
 */
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AdminUserRepository users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder passwordEncoder;
    private final UserProperties properties;
    private final PasswordPolicy passwords;
    private final Clock clock;

    InitialAdmin(AdminUserRepository users, JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder passwordEncoder,
                 UserProperties properties, PasswordPolicy passwords, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.tx = tx;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.initAdminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        // a weak configured password stops the start: the first admin is the most valuable account
        String problem = generated ? null : passwords.problem(password);
        if (problem != null) {
            throw new IllegalStateException("AM_INIT_ADMIN_PASSWORD " + problem
                    + " (rules as for every admin password: AM_PASSWORD_MIN_LENGTH, at most 72 bytes, "
                    + "not a common password)");
        }
        Boolean created = tx.execute(status -> {
            AdvisoryLocks.lock(jdbc, AdvisoryLocks.INITIAL_ADMIN);
            if (users.count() > 0) {
                return false;
            }
            Instant now = Timestamps.now(clock);
            users.insert(new AdminUser(UUID.randomUUID(), properties.initAdminUsername(), null,
                    passwordEncoder.encode(password), AdminRole.ADMIN, 0, null, null, null, now, now));
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            if (generated) {
                log.warn("Created initial admin '{}' with generated password: {} (shown only once; change it)",
                        properties.initAdminUsername(), password);
            } else {
                log.info("Created initial admin '{}' with the configured password", properties.initAdminUsername());
            }
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
