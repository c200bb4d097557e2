package io.artstore.admin.accounts;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling for the expiry gauge's refresh, independent of whether the sync jobs are switched
 * off ({@code artstore.admin.sync.scheduling=false} only removes those jobs' bean).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AccountScheduling {
}
