package io.artstore.query.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/search}. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "search", description = "File search")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER, scopes = Scopes.FILES_READ)
public class SearchController {

    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.FILES_READ)
    @Operation(operationId = "searchFiles", summary = "Search files",
            description = "Searches the file registry. mode=exact matches the whole file name ignoring case; "
                    + "mode=partial (default) matches a substring of the file name; mode=fulltext looks the query's "
                    + "words up in file name, description and tags (English and Russian word forms) and ranks hits "
                    + "(relevance_score 0..1, sort_by=relevance). Filters combine with AND; tags must all be present; "
                    + "status defaults to active. Needs files:read (or an admin/readonly user).")
    @ApiResponse(responseCode = "200", description = "One page of results",
            content = @Content(schema = @Schema(implementation = SearchResponseDoc.class)))
    @ApiResponse(responseCode = "400", description = "Invalid criteria (unknown enum value, limit outside 1..1000, "
            + "min_size > max_size, uploaded_after > uploaded_before, ...)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "Search schema not ready yet (waiting for admin-module schema)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<SearchResultItem> search(@RequestBody SearchRequest request) {
        return search.search(request);
    }

    /** Documentation shape of the response (a {@link Page} of {@link SearchResultItem}). */
    @Schema(name = "SearchResponse")
    record SearchResponseDoc(
            List<SearchResultItem> items,
            @Schema(description = "Number of matching files. Matches are counted up to QM_SEARCH_TOTAL_LIMIT "
                    + "(default 1000) or to the end of the requested page, whichever is further; with more "
                    + "matches than that, total is that number and total_capped is true.") long total,
            int limit, int offset,
            @JsonProperty("has_more") boolean hasMore,
            @Schema(description = "Present and true when more than total files match (the count stopped at "
                    + "the limit); absent when total is exact.", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            @JsonProperty("total_capped") Boolean totalCapped) {
    }
}
