package io.artstore.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Admin module: authorization server, users, service accounts, storage-element and file registry. */
@SpringBootApplication
// Only for sync's SyncProperties, which RegistrySync needs even when SyncScheduling is switched off;
// goes when files/storage/sync get their feature configurations (the other features enable theirs).
@ConfigurationPropertiesScan
public class AdminModuleApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminModuleApplication.class, args);
    }
}
