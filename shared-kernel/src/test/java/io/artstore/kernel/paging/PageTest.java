package io.artstore.kernel.paging;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    @Test
    void hasMoreWhenItemsRemainAfterThisPage() {
        assertThat(Page.of(List.of(1, 2), 5, PageQuery.of(2, 0)).hasMore()).isTrue();
        assertThat(Page.of(List.of(5), 5, PageQuery.of(2, 4)).hasMore()).isFalse();
        assertThat(Page.of(List.of(), 0, new PageQuery(null, null))).satisfies(p -> {
            assertThat(p.limit()).isEqualTo(100);
            assertThat(p.offset()).isZero();
            assertThat(p.hasMore()).isFalse();
        });
    }

    @Test
    void aCappedPageHasMoreAndSaysItsTotalIsALowerBound() {
        Page<Integer> page = Page.capped(List.of(1, 2), 1000, PageQuery.of(2, 998));
        assertThat(page.total()).isEqualTo(1000);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.totalCapped()).isTrue();
        assertThat(page.map(String::valueOf).totalCapped()).isTrue();
        assertThat(Page.of(List.of(1), 1, PageQuery.of(2, 0)).totalCapped()).isFalse();
    }

    @Test
    void mapKeepsPagingFields() {
        Page<String> mapped = Page.of(List.of(1, 2), 10, PageQuery.of(2, 2)).map(String::valueOf);
        assertThat(mapped).isEqualTo(new Page<>(List.of("1", "2"), 10, 2, 2, true, false));
    }
}
