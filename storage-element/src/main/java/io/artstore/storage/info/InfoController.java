package io.artstore.storage.info;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public discovery endpoint used by admin-module. */
@RestController
@Tag(name = "system", description = "Storage element information")
public class InfoController {

    private final InfoService info;

    public InfoController(InfoService info) {
        this.info = info;
    }

    @GetMapping("/api/v1/info")
    @SecurityRequirements
    @Operation(summary = "Storage element information",
            description = "Id, mode, status, version, capacity and allowed operations. No token needed.")
    public StorageInfo info() {
        return info.info();
    }
}
