package io.artstore.kernel.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * One page of a list: {@code {"items":[...],"total":150,"limit":50,"offset":0,"has_more":true}}.
 * A list whose matches were counted only up to a limit says so with {@code "total_capped":true}:
 * then more than {@code total} items match (the field is left out when the total is exact, and
 * a page read without it, such as one from an older service, is exact).
 */
public record Page<T>(List<T> items, long total, int limit, int offset, @JsonProperty("has_more") boolean hasMore,
                      @JsonProperty("total_capped") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
                      @JsonSetter(nulls = Nulls.AS_EMPTY) boolean totalCapped) {

    /** A page of a list with exactly {@code total} items. */
    public static <T> Page<T> of(List<T> items, long total, PageQuery query) {
        return new Page<>(List.copyOf(items), total, query.limit(), query.offset(),
                (long) query.offset() + items.size() < total, false);
    }

    /**
     * A page of a list with more than {@code countedTo} items, where {@code countedTo} reaches at
     * least to the end of this page: more items follow.
     */
    public static <T> Page<T> capped(List<T> items, long countedTo, PageQuery query) {
        return new Page<>(List.copyOf(items), countedTo, query.limit(), query.offset(), true, true);
    }

    /** The page {@code query} asks for of the whole list {@code all}, filtered or searched in memory. */
    public static <T> Page<T> slice(List<T> all, PageQuery query) {
        int from = Math.min(query.offset(), all.size());
        int to = (int) Math.min((long) from + query.limit(), all.size());
        return of(all.subList(from, to), all.size(), query);
    }

    /** 1-based number of this page (for a pager). */
    public int page() {
        return limit == 0 ? 1 : offset / limit + 1;
    }

    /** Number of pages, at least 1 (a lower bound when {@link #totalCapped}). */
    public int pages() {
        return limit == 0 ? 1 : (int) Math.max(1, (total + limit - 1) / limit);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, limit, offset, hasMore, totalCapped);
    }
}
