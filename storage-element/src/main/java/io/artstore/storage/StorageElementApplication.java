package io.artstore.storage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Storage Element: WAL-guarded local file storage with attr.json sidecars. */
@SpringBootApplication
public class StorageElementApplication {

    public static void main(String[] args) {
        SpringApplication.run(StorageElementApplication.class, args);
    }
}
