package io.artstore.ui.dashboard;

import java.time.Clock;

import io.artstore.ui.api.AdminApi;
import io.artstore.ui.files.FilesService;
import io.artstore.ui.storage.StorageService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard page. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    DashboardService dashboardService(StorageService storage, FilesService files, AdminApi api, Clock clock) {
        return new DashboardService(storage, files, api, clock);
    }
}
