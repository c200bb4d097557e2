package io.artstore.query.search;

import java.util.List;

import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.query.metadata.FileRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs a {@link SearchStatement}: one page of hits and the total count. */
public class SearchRepository {

    private final JdbcClient jdbc;

    public SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<SearchResultItem> search(SearchRequest request) {
        SearchStatement statement = SearchStatement.of(request);
        List<SearchResultItem> items = jdbc.sql(statement.selectSql())
                .params(statement.parameters())
                .query((rs, row) -> {
                    float score = rs.getFloat("relevance_score");
                    Double relevance = rs.wasNull() ? null : (double) score;
                    return SearchResultItem.of(FileRows.metadata(rs), relevance);
                })
                .list();
        long total = jdbc.sql(statement.countSql())
                .params(statement.parameters())
                .query(Long.class)
                .single();
        return Page.of(items, total, PageQuery.of(request.limit(), request.offset()));
    }
}
