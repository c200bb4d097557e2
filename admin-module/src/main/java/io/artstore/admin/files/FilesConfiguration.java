package io.artstore.admin.files;

import java.time.Clock;

import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The file registry: its SQL, the service behind the file endpoints and the copies a file wants. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CopyCounts.class)
public class FilesConfiguration {

    @Bean
    FileRepository fileRepository(JdbcClient jdbc) {
        return new FileRepository(jdbc);
    }

    @Bean
    FileService fileService(FileRepository files, StorageElementRepository storageElements, StorageElementCalls calls,
                            Clock clock, ApplicationEventPublisher events) {
        return new FileService(files, storageElements, calls, clock, events);
    }
}
