package io.artstore.kernel.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of a list: {@code {"items":[...],"total":150,"limit":50,"offset":0,"has_more":true}}. */
public record Page<T>(List<T> items, long total, int limit, int offset, @JsonProperty("has_more") boolean hasMore) {

    public static <T> Page<T> of(List<T> items, long total, PageQuery query) {
        return new Page<>(List.copyOf(items), total, query.limit(), query.offset(),
                (long) query.offset() + items.size() < total);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, limit, offset, hasMore);
    }
}
