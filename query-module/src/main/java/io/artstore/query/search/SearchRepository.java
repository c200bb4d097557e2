package io.artstore.query.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.query.metadata.FileRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a {@link SearchStatement}: one statement counts the matches up to the total limit (or to
 * the end of the requested page, when that lies further) and, when they are no more, returns the
 * requested page of them too; with more matches a second statement fetches the page.
 */
public class SearchRepository {

    private final JdbcClient keptPlans;
    private final JdbcClient valuePlans;
    private final int totalLimit;

    /**
     * @param keptPlans  runs statements PostgreSQL may keep one plan for (exact names)
     * @param valuePlans runs statements planned for the values of each run ({@link ValuePlannedJdbcTemplate})
     */
    public SearchRepository(JdbcClient keptPlans, JdbcClient valuePlans, int totalLimit) {
        this.keptPlans = keptPlans;
        this.valuePlans = valuePlans;
        this.totalLimit = totalLimit;
    }

    public Page<SearchResultItem> search(SearchRequest request) {
        SearchStatement statement = SearchStatement.of(request, totalLimit);
        JdbcClient jdbc = statement.onePlanFitsAllValues() ? keptPlans : valuePlans;
        List<FirstRow> first = jdbc.sql(statement.firstSql())
                .params(statement.parameters())
                .query((rs, row) -> new FirstRow(rs.getLong("matches"),
                        rs.getObject("file_id") == null ? null : item(rs)))
                .list();
        long counted = first.getFirst().matches();
        PageQuery page = PageQuery.of(request.limit(), request.offset());
        if (counted > statement.countLimit()) {
            List<SearchResultItem> items = jdbc.sql(statement.selectSql())
                    .params(statement.parameters())
                    .query((rs, row) -> item(rs))
                    .list();
            return Page.capped(items, statement.countLimit(), page);
        }
        List<SearchResultItem> items = first.stream().map(FirstRow::hit).filter(Objects::nonNull).toList();
        return Page.of(items, counted, page);
    }

    private static SearchResultItem item(ResultSet rs) throws SQLException {
        float score = rs.getFloat("relevance_score");
        Double relevance = rs.wasNull() ? null : (double) score;
        return SearchResultItem.of(FileRows.metadata(rs), relevance);
    }

    /** A row of {@link SearchStatement#firstSql()}: the count, and a hit unless the page had none. */
    private record FirstRow(long matches, SearchResultItem hit) {
    }
}
