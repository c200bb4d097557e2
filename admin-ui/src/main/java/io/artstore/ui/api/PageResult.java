package io.artstore.ui.api;

import java.util.List;

/** One page of a list answer: {@code items, total, limit, offset, has_more}. */
public record PageResult<T>(List<T> items, long total, int limit, int offset, boolean hasMore) {

    public PageResult {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static <T> PageResult<T> empty() {
        return new PageResult<>(List.of(), 0, 0, 0, false);
    }

    /** 1-based number of this page. */
    public int page() {
        return limit == 0 ? 1 : offset / limit + 1;
    }

    /** Number of pages (at least 1). */
    public int pages() {
        return limit == 0 ? 1 : (int) Math.max(1, (total + limit - 1) / limit);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }
}
