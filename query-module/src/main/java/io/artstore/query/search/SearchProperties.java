package io.artstore.query.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Search settings ({@code artstore.query.search.*}).
 *
 * @param totalLimit matches are counted up to this number ({@code QM_SEARCH_TOTAL_LIMIT}); a search
 *                   with more answers {@code total} = this number and {@code total_capped: true}.
 *                   Counting every match of a common word in a large registry visits most of the
 *                   table (hundreds of milliseconds per million rows) for a number nobody pages through.
 *                   A page beyond the limit raises it for that request to {@code offset + limit}.
 */
@ConfigurationProperties("artstore.query.search")
@Validated
public record SearchProperties(
        @DefaultValue("1000") @Min(100) @Max(10_000_000) int totalLimit) {
}
