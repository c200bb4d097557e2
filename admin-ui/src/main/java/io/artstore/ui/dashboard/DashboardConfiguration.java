package io.artstore.ui.dashboard;

import io.artstore.ui.files.FilesService;
import io.artstore.ui.storage.StorageService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard page. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    DashboardService dashboardService(StorageService storage, FilesService files) {
        return new DashboardService(storage, files);
    }
}
