package io.artstore.admin.users;

import java.time.Clock;

import io.artstore.admin.auth.TokenIssuer;
import io.artstore.admin.auth.TokenMetrics;
import io.artstore.admin.auth.TokenProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Admin-user wiring: accounts, login with lockout, refresh tokens, the initial admin. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserProperties.class)
class UsersConfiguration {

    @Bean
    AdminUserRepository adminUserRepository(JdbcClient jdbc) {
        return new AdminUserRepository(jdbc);
    }

    @Bean
    UnknownUserFailures unknownUserFailures(JdbcClient jdbc) {
        return new UnknownUserFailures(jdbc);
    }

    @Bean
    RefreshTokens refreshTokens(JdbcClient jdbc, TokenProperties properties) {
        return new RefreshTokens(jdbc, properties);
    }

    @Bean
    PasswordPolicy passwordPolicy(UserProperties properties) {
        return new PasswordPolicy(properties);
    }

    @Bean
    AdminUserService adminUserService(AdminUserRepository users, RefreshTokens refreshTokens,
                                      PasswordEncoder passwordEncoder, TransactionTemplate tx,
                                      UserProperties properties, PasswordPolicy passwords, Clock clock) {
        return new AdminUserService(users, refreshTokens, passwordEncoder, tx, properties, passwords, clock);
    }

    @Bean
    AdminAuthService adminAuthService(AdminUserRepository users, UnknownUserFailures unknownUsers,
                                      RefreshTokens refreshTokens, TokenIssuer tokens, PasswordEncoder passwordEncoder,
                                      TransactionTemplate tx, UserProperties properties, Clock clock,
                                      TokenMetrics tokenMetrics, MeterRegistry registry, PasswordPolicy passwords) {
        return new AdminAuthService(users, unknownUsers, refreshTokens, tokens, passwordEncoder, tx, properties, clock,
                tokenMetrics, registry, passwords);
    }

    @Bean
    InitialAdmin initialAdmin(AdminUserRepository users, JdbcClient jdbc, TransactionTemplate tx,
                              PasswordEncoder passwordEncoder, UserProperties properties, PasswordPolicy passwords,
                              Clock clock) {
        return new InitialAdmin(users, jdbc, tx, passwordEncoder, properties, passwords, clock);
    }
}
