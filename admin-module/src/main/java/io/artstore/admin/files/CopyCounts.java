package io.artstore.admin.files;

import io.artstore.kernel.contract.RetentionPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many copies a file wants ({@code artstore.copies.*}), shared by the file registry's views
 * and the replication job.
 *
 * @param permanent copies of a permanent file ({@code AM_COPIES_PERMANENT})
 * @param temporary copies of a temporary file ({@code AM_COPIES_TEMPORARY})
 */
@ConfigurationProperties("artstore.copies")
@Validated
public record CopyCounts(
        @Min(1) @Max(10) @DefaultValue("2") int permanent,
        @Min(1) @Max(10) @DefaultValue("1") int temporary) {

    /** The copies wanted for a file of this retention policy (unknown: permanent, the safer side). */
    public int wanted(String retentionPolicy) {
        return RetentionPolicy.TEMPORARY.value().equals(retentionPolicy) ? temporary : permanent;
    }
}
