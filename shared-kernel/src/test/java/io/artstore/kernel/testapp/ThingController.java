package io.artstore.kernel.testapp;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/things")
class ThingController {

    static final UUID KNOWN = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");

    record Thing(UUID id, String displayName, int sizeBytes) {
    }

    record NewThing(@NotBlank @Size(max = 20) String displayName, @Min(1) @Max(365) Integer ttlDays) {
    }

    @GetMapping
    @RequiresScope(Scopes.FILES_READ)
    Page<Thing> list(@Valid @ParameterObject PageQuery page) {
        int total = 250;
        List<Thing> items = IntStream.range(page.offset(), Math.min(total, page.offset() + page.limit()))
                .mapToObj(i -> new Thing(new UUID(0, i), "thing " + i, i)).toList();
        return Page.of(items, total, page);
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.FILES_READ)
    Thing get(@PathVariable UUID id) {
        if (!KNOWN.equals(id)) {
            throw ApiException.notFound("Thing " + id + " not found");
        }
        return new Thing(id, "known", 1);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.FILES_WRITE)
    ResponseEntity<Thing> create(@Valid @RequestBody NewThing body) {
        return ResponseEntity.status(201).body(new Thing(UUID.randomUUID(), body.displayName(), 0));
    }

    @GetMapping("/search")
    @RequiresScope(Scopes.FILES_READ)
    List<Thing> search(@RequestParam String name) {
        return List.of(new Thing(KNOWN, name, 1));
    }

    @GetMapping("/boom")
    @RequiresScope(Scopes.FILES_READ)
    Thing boom() {
        throw new IllegalStateException("secret detail at /var/lib/artstore/db password=hunter2");
    }

    @GetMapping("/db-down")
    @RequiresScope(Scopes.FILES_READ)
    Thing databaseDown() {
        throw new IllegalStateException("Failed to obtain JDBC connection",
                new java.sql.SQLException("Connection to 127.0.0.1:5432 refused. password=hunter2", "08001"));
    }

    @GetMapping("/status/{code}")
    @RequiresScope(Scopes.FILES_READ)
    void sendError(@PathVariable int code, HttpServletResponse response) throws IOException {
        response.sendError(code);
    }

    @PostMapping("/admin-only")
    @RequiresScope(Scopes.ADMIN_WRITE)
    Thing adminOnly() {
        return new Thing(KNOWN, "admin", 0);
    }
}
