package io.artstore.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.artstore.testsupport.db.TestDatabase;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Gives a query-module test context its own database and token issuer: a fresh database
 * (with admin-module's schema already migrated, unless {@link QueryFirst} is used), a JWKS
 * test issuer registered as bean {@code testTokenIssuer}, the database as bean
 * {@code testDatabase}, and the matching properties (datasource, JWKS URL, issuer, a service
 * account id for query-module's own calls, a short schema retry interval).
 */
public class QueryContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = QueryTestDatabase.create();
        if (migrateAdminFirst()) {
            QueryTestDatabase.migrateAdminSchema(database);
        }
        TestTokenIssuer issuer = TestTokenIssuer.start();
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                issuer.close();
            }
        });
        context.getBeanFactory().registerSingleton("testTokenIssuer", issuer);
        context.getBeanFactory().registerSingleton("testDatabase", database);
        TestPropertyValues.of(
                "spring.datasource.url=" + jdbcUrl(database),
                "spring.datasource.hikari.connection-timeout=2000",
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password(),
                "artstore.security.jwks-url=" + issuer.jwksUrl(),
                "artstore.security.issuer=" + TestTokenIssuer.DEFAULT_ISSUER,
                "artstore.clients.client-id=" + (serviceAccount() ? TestServiceAccount.CLIENT_ID : ""),
                "artstore.clients.client-secret=" + (serviceAccount() ? "not-used-in-tests" : ""),
                "artstore.clients.se-connect-timeout=2s",
                "artstore.query.schema.retry-interval=100ms",
                "artstore.logging.format=text"
        ).applyTo(context);
    }

    protected boolean migrateAdminFirst() {
        return true;
    }

    protected String jdbcUrl(TestDatabase database) {
        return database.jdbcUrl();
    }

    /** PostgreSQL unreachable at start (the datasource points at a closed port). */
    public static class DatabaseDown extends QueryContextInitializer {
        @Override
        protected String jdbcUrl(TestDatabase database) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/" + database.name();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    protected boolean serviceAccount() {
        return true;
    }

    /** No QM_CLIENT_ID / QM_CLIENT_SECRET configured (use without {@link TestServiceAccount}). */
    public static class WithoutServiceAccount extends QueryContextInitializer {
        @Override
        protected String jdbcUrl(TestDatabase database) {
        return database.jdbcUrl();
    }

    /** PostgreSQL unreachable at start (the datasource points at a closed port). */
    public static class DatabaseDown extends QueryContextInitializer {
        @Override
        protected String jdbcUrl(TestDatabase database) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/" + database.name();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    protected boolean serviceAccount() {
            return false;
        }
    }

    /** The other start order: query-module starts on a database admin-module has not migrated yet. */
    public static class QueryFirst extends QueryContextInitializer {
        @Override
        protected boolean migrateAdminFirst() {
            return false;
        }
    }
}
