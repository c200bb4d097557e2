package io.artstore.kernel.paging;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
    void jsonCarriesTotalCappedOnlyWhenTheTotalIsALowerBound() {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        assertThat(json.writeValueAsString(Page.of(List.of(1), 1, PageQuery.of(2, 0)))).doesNotContain("total_capped");
        assertThat(json.writeValueAsString(Page.capped(List.of(1), 1000, PageQuery.of(1, 0))))
                .contains("\"total_capped\":true");

        Page<?> exact = json.readValue("{\"items\":[],\"total\":0,\"limit\":1,\"offset\":0,\"has_more\":false}", Page.class);
        assertThat(exact.totalCapped()).isFalse();
        Page<?> capped = json.readValue(
                "{\"items\":[],\"total\":9,\"limit\":1,\"offset\":0,\"has_more\":true,\"total_capped\":true}", Page.class);
        assertThat(capped.totalCapped()).isTrue();
    }

    @Test
    void mapKeepsPagingFields() {
        Page<String> mapped = Page.of(List.of(1, 2), 10, PageQuery.of(2, 2)).map(String::valueOf);
        assertThat(mapped).isEqualTo(new Page<>(List.of("1", "2"), 10, 2, 2, true, false));
    }

    @Test
    void sliceTakesTheRequestedPageOfAWholeList() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertThat(Page.slice(all, PageQuery.of(2, 2))).isEqualTo(new Page<>(List.of(3, 4), 5, 2, 2, true, false));
        assertThat(Page.slice(all, PageQuery.of(2, 4))).isEqualTo(new Page<>(List.of(5), 5, 2, 4, false, false));
        assertThat(Page.slice(all, PageQuery.of(2, 9))).isEqualTo(new Page<>(List.of(), 5, 2, 9, false, false));
        assertThat(Page.slice(all, PageQuery.of(Integer.MAX_VALUE, 1)).items()).containsExactly(2, 3, 4, 5);
    }

    @Test
    void pagerNumbersAreOneBasedAndAtLeastOnePage() {
        Page<Integer> third = new Page<>(List.of(5), 5, 2, 4, false, false);
        assertThat(third.page()).isEqualTo(3);
        assertThat(third.pages()).isEqualTo(3);
        assertThat(third.hasPrevious()).isTrue();
        Page<Integer> empty = new Page<>(List.of(), 0, 50, 0, false, false);
        assertThat(empty.page()).isEqualTo(1);
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(empty.hasPrevious()).isFalse();
        assertThat(new Page<>(List.of(), 0, 0, 0, false, false).pages()).isEqualTo(1);
    }

    @Test
    void pagerNumbersAreNotPartOfTheJson() {
        String body = JsonMapper.builder().build().writeValueAsString(new Page<>(List.of(1), 3, 1, 1, true, false));
        assertThat(body).doesNotContain("page\"").doesNotContain("pages").doesNotContain("previous");
    }
}
