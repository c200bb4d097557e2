package io.artstore.admin.replication;

import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The replication job: run a pass now, read the copy figures. Changes need storage:write (admin role). */
@RestController
@RequestMapping("/api/v1/replication")
@Tag(name = "replication", description = "Copies of files across storage elements: the replication job")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
public class ReplicationController {

    private final ReplicationJob job;

    public ReplicationController(ReplicationJob job) {
        this.job = job;
    }

    @PostMapping("/run")
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Run a replication pass now",
            description = "Claims a batch of under-replicated files (AM_REPLICATION_BATCH) not claimed by another "
                    + "replica and makes their missing copies, streaming each from a healthy copy to a chosen SE. "
                    + "The same pass runs every AM_REPLICATION_INTERVAL. Failed copies are retried after a back-off.")
    @ApiResponse(responseCode = "200", description = "What the pass did")
    public PassReport run() {
        return job.runPass();
    }

    @GetMapping("/status")
    @RequiresScope(Scopes.STORAGE_READ)
    @Operation(summary = "Replication status",
            description = "Files under-replicated, files without a healthy copy and pending copies, over the whole "
                    + "registry; last_run_at is this replica's last finished pass.")
    @ApiResponse(responseCode = "200", description = "The figures")
    public ReplicationStatus status() {
        return job.status();
    }
}
