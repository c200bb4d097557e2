package io.artstore.kernel.testapp;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.multipart.LimitedInputStream;
import io.artstore.kernel.multipart.MultipartReader;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Receives an upload the way a storage element does (streamed, hashed, never buffered) and describes it. */
@RestController
class UploadEchoController {

    static final long LIMIT = 64L * 1024 * 1024;

    private final JsonMapper json;

    UploadEchoController(JsonMapper json) {
        this.json = json;
    }

    @PostMapping("/api/v1/files/upload")
    @RequiresScope(Scopes.FILES_WRITE)
    ResponseEntity<SeFileMetadata> upload(HttpServletRequest request, @AuthenticationPrincipal Jwt jwt) throws Exception {
        MultipartReader reader = MultipartReader.of(request);
        Map<String, String> fields = new HashMap<>();
        for (MultipartReader.Part part; (part = reader.next()) != null; ) {
            if (!part.isFile()) {
                fields.put(part.name(), part.text());
                continue;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new DigestInputStream(new LimitedInputStream(part.stream(), LIMIT), sha)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    size += n;
                }
            } catch (LimitedInputStream.LimitExceededException ex) {
                throw new ApiException(io.artstore.kernel.error.ErrorCode.FILE_TOO_LARGE, ex.getMessage());
            }
            List<String> tags = fields.containsKey("tags")
                    ? List.of(json.readValue(fields.get("tags"), String[].class)) : List.of();
            return ResponseEntity.status(201).body(new SeFileMetadata(UUID.randomUUID(), part.fileName(),
                    part.contentType(), size, HexFormat.of().formatHex(sha.digest()),
                    fields.getOrDefault("uploaded_by", jwt.getSubject()), Instant.now(), fields.get("description"),
                    tags, "active", fields.getOrDefault("retention_policy", "permanent"),
                    fields.containsKey("ttl_days") ? Integer.valueOf(fields.get("ttl_days")) : null, null, null, null, null));
        }
        throw ApiException.validation("Field 'file' is required");
    }
}
