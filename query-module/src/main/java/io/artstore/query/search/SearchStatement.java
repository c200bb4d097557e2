package io.artstore.query.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.artstore.query.metadata.FileRows;

/**
 * The SQL of one search, assembled from fixed fragments: every value the client sent is a
 * named bind parameter, never part of the SQL text. Sort keys and directions come from enums
 * mapped to fixed column names.
 *
 * <ul>
 *   <li>{@code exact}: {@code lower(original_filename) = lower(:query)} (btree on the lower-cased name);</li>
 *   <li>{@code partial}, {@code filename}: {@code ILIKE} with {@code %}, {@code _} and {@code \} escaped,
 *       backed by the trigram column of the search index;</li>
 *   <li>{@code file_extension}: {@code query_file_extensions(original_filename) @> ARRAY[lower(:extension)]}
 *       (migration V5), or {@code ILIKE '%.ext'} for an extension the array cannot hold;</li>
 *   <li>{@code fulltext}: {@code query_document @@ terms} (the stored column of
 *       {@code query_search_document(...)}, migration V3) where the terms are the query parsed with
 *       both the English and the Russian configuration (OR), ranked by {@code ts_rank_cd(..., 32)}
 *       = rank / (rank + 1), which lies in 0..1.</li>
 * </ul>
 * Words, tags, extensions and file name trigrams share one GIN index (migration V6), so a search
 * combining them is one index scan. Matches are counted up to {@link #countLimit()} + 1: one more
 * than that means "more than the limit".
 */
final class SearchStatement {

    /** The full-text document of a row: a stored generated column (migration V3), in the search index (V6). */
    static final String DOCUMENT = "f.query_document";

    /** The extensions a file name ends with, lower-cased (migration V5; indexed with the document, V6). */
    static final String EXTENSIONS = "query_file_extensions(f.original_filename)";

    private static final String TERMS = "CROSS JOIN (SELECT websearch_to_tsquery('english', :query)"
            + " || websearch_to_tsquery('russian', :query) AS terms) q";
    private static final String RANK = "ts_rank_cd(" + DOCUMENT + ", q.terms, 32)";

    private final String from;
    private final String where;
    private final String score;
    private final String orderBy;
    private final Map<String, Object> parameters;
    private final long countLimit;
    private final boolean exactName;

    private SearchStatement(String from, String where, String score, String orderBy, Map<String, Object> parameters,
                            long countLimit, boolean exactName) {
        this.from = from;
        this.where = where;
        this.score = score;
        this.orderBy = orderBy;
        this.parameters = parameters;
        this.countLimit = countLimit;
        this.exactName = exactName;
    }

    /**
     * @param totalLimit matches are counted up to this number, or up to the end of the requested
     *                   page when that lies further
     */
    static SearchStatement of(SearchRequest request, int totalLimit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String from = "files f";
        boolean ranked = false;

        String query = request.queryText();
        if (query != null) {
            parameters.put("query", query);
            switch (request.mode()) {
                case EXACT -> conditions.add("lower(f.original_filename) = lower(:query)");
                case PARTIAL -> {
                    conditions.add("f.original_filename ILIKE :query_pattern");
                    parameters.put("query_pattern", contains(query));
                }
                case FULLTEXT -> {
                    from = from + " " + TERMS;
                    conditions.add(DOCUMENT + " @@ q.terms");
                    ranked = true;
                }
            }
        }

        conditions.add("f.status = :status");
        parameters.put("status", request.status().value());

        if (hasText(request.filename())) {
            conditions.add("f.original_filename ILIKE :filename_pattern");
            parameters.put("filename_pattern", contains(request.filename().strip()));
        }
        if (hasText(request.fileExtension())) {
            String extension = extension(request.fileExtension());
            if (indexedExtension(extension)) {
                conditions.add(EXTENSIONS + " @> ARRAY[lower(CAST(:extension AS text))]");
                parameters.put("extension", extension);
            } else {
                // LIKE's default escape character is the backslash.
                conditions.add("f.original_filename ILIKE :extension_pattern");
                parameters.put("extension_pattern", "%." + escapeLike(extension));
            }
        }
        if (!request.tags().isEmpty()) {
            // the list expands to one bind parameter per tag: ARRAY[?, ?, ...]
            conditions.add("f.tags @> CAST(ARRAY[:tags] AS text[])");
            parameters.put("tags", List.copyOf(request.tags()));
        }
        if (hasText(request.uploadedBy())) {
            conditions.add("f.uploaded_by = :uploaded_by");
            parameters.put("uploaded_by", request.uploadedBy().strip());
        }
        if (request.retentionPolicy() != null) {
            conditions.add("f.retention_policy = :retention_policy");
            parameters.put("retention_policy", request.retentionPolicy().value());
        }
        if (request.minSize() != null) {
            conditions.add("f.size >= :min_size");
            parameters.put("min_size", request.minSize());
        }
        if (request.maxSize() != null) {
            conditions.add("f.size <= :max_size");
            parameters.put("max_size", request.maxSize());
        }
        if (request.uploadedAfter() != null) {
            conditions.add("f.uploaded_at >= :uploaded_after");
            parameters.put("uploaded_after", request.uploadedAfter());
        }
        if (request.uploadedBefore() != null) {
            conditions.add("f.uploaded_at <= :uploaded_before");
            parameters.put("uploaded_before", request.uploadedBefore());
        }

        String direction = request.sortOrder() == SortOrder.ASC ? "ASC" : "DESC";
        String key = switch (request.sortBy()) {
            case ORIGINAL_FILENAME -> "lower(f.original_filename) " + direction + ", f.original_filename " + direction;
            case SIZE -> "f.size " + direction;
            case RELEVANCE -> ranked ? "relevance_score " + direction + ", f.uploaded_at DESC" : "f.uploaded_at " + direction;
            case UPLOADED_AT -> "f.uploaded_at " + direction;
        };
        String orderBy = key + ", f.file_id " + direction;

        long countLimit = Math.max(totalLimit, (long) request.offset() + request.limit());
        parameters.put("limit", request.limit());
        parameters.put("offset", request.offset());
        parameters.put("count_limit", countLimit + 1);
        boolean exactName = query != null && request.mode() == SearchMode.EXACT;
        return new SearchStatement(from, String.join("\n  AND ", conditions), ranked ? RANK : "NULL::real", orderBy,
                parameters, countLimit, exactName);
    }

    /**
     * The first statement of every search. It collects the ids of the matches, up to
     * {@link #countLimit()} + 1, and counts them; when there are no more than {@link #countLimit()},
     * the same statement returns the requested page of them, sorted. PostgreSQL cannot estimate
     * how many rows a substring or full-text condition matches; given ORDER BY and LIMIT it tends
     * to walk the sort key's index and test row after row, which for a rare word means reading
     * much of the table. Knowing the matches are few, fetching them all by id is the cheap plan,
     * and the conditions are evaluated once for both the total and the page.
     *
     * <p>Returns at least one row. Column {@code matches} holds the count in every row; the
     * other columns are those of one hit, or null in the single row of a page without hits
     * (none on the page, or more matches than the limit: then {@link #selectSql()} fetches it).
     */
    String firstSql() {
        return "WITH hits AS MATERIALIZED (\nSELECT f.file_id\nFROM " + from + "\nWHERE " + where
                + "\nLIMIT :count_limit),\n"
                + "total AS (SELECT count(*) AS matches FROM hits)\n"
                + "SELECT total.matches, f.*\nFROM total LEFT JOIN LATERAL (\n"
                + "SELECT " + FileRows.COLUMNS + ", " + score + " AS relevance_score\n"
                + "FROM " + from + "\n"
                + "WHERE total.matches < :count_limit AND f.file_id IN (SELECT file_id FROM hits)\n"
                + page() + ") f ON true\n"
                + "ORDER BY " + orderBy;
    }

    /** The requested page when there are more matches than {@link #countLimit()}, the plan left to PostgreSQL. */
    String selectSql() {
        return "SELECT " + FileRows.COLUMNS + ", " + score + " AS relevance_score\n"
                + "FROM " + from + "\n"
                + "WHERE " + where + "\n"
                + page();
    }

    private String page() {
        return "ORDER BY " + orderBy + "\nLIMIT :limit OFFSET :offset";
    }

    /**
     * Whether one plan fits every value of this statement: true for an exact file name, where the
     * lower-cased name's index finds the few matches whatever the name and the filters are. Such a
     * statement may run on a plan PostgreSQL keeps (saving the planning, most of an exact
     * search's time in the database). Substring, full-text and filter-only searches must be
     * planned for their values ({@link ValuePlannedJdbcTemplate}).
     */
    boolean onePlanFitsAllValues() {
        return exactName;
    }

    /** A count above this means "more than this many matches". */
    long countLimit() {
        return countLimit;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** {@code %text%} with LIKE wildcards in the text taken literally. */
    static String contains(String text) {
        return "%" + escapeLike(text) + "%";
    }

    /** Escapes {@code \}, {@code %} and {@code _} for LIKE/ILIKE with the default escape character. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The extension without a leading dot; PostgreSQL lower-cases it, as it does the names. */
    private static String extension(String value) {
        String trimmed = value.strip();
        return trimmed.startsWith(".") ? trimmed.substring(1) : trimmed;
    }

    /**
     * Whether {@code query_file_extensions()} (migration V5) lists every name ending with this
     * extension: it keeps the text after each of a name's last three dots, up to 32 characters.
     * Lower-casing may lengthen a character up to three times, hence the 10-character bound here
     * (the API accepts no longer extensions anyway).
     */
    static boolean indexedExtension(String extension) {
        return extension.length() <= 10 && extension.chars().filter(c -> c == '.').count() <= 2;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
