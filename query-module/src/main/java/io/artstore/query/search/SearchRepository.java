package io.artstore.query.search;

import java.util.List;

import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.query.metadata.FileRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a {@link SearchStatement}: the number of matches, counted up to the total limit (or to
 * the end of the requested page, when that lies further), then one page of hits, fetched all
 * at once and sorted when the count found them few.
 */
public class SearchRepository {

    private final JdbcClient jdbc;
    private final int totalLimit;

    public SearchRepository(JdbcClient jdbc, int totalLimit) {
        this.jdbc = jdbc;
        this.totalLimit = totalLimit;
    }

    public Page<SearchResultItem> search(SearchRequest request) {
        SearchStatement statement = SearchStatement.of(request, totalLimit);
        long counted = jdbc.sql(statement.countSql())
                .params(statement.parameters())
                .query(Long.class)
                .single();
        boolean capped = counted > statement.countLimit();
        List<SearchResultItem> items = jdbc.sql(capped ? statement.selectSql() : statement.selectFewSql())
                .params(statement.parameters())
                .query((rs, row) -> {
                    float score = rs.getFloat("relevance_score");
                    Double relevance = rs.wasNull() ? null : (double) score;
                    return SearchResultItem.of(FileRows.metadata(rs), relevance);
                })
                .list();
        PageQuery page = PageQuery.of(request.limit(), request.offset());
        return capped ? Page.capped(items, statement.countLimit(), page) : Page.of(items, counted, page);
    }
}
