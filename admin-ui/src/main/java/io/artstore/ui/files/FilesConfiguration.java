package io.artstore.ui.files;

import io.artstore.ui.api.AdminApi;
import io.artstore.ui.api.RestClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** File registry pages and downloads through query-module. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    @Bean
    FilesService filesService(AdminApi api) {
        return new FilesService(api);
    }

    @Bean
    QueryDownloads queryDownloads(RestClients clients, AdminApi api) {
        return new QueryDownloads(clients, api);
    }
}
