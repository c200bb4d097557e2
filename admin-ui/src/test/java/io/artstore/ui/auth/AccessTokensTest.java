package io.artstore.ui.auth;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.artstore.testsupport.time.MutableClock;
import io.artstore.ui.UiProperties;
import io.artstore.ui.api.AdminApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Transparent refresh of a session's access token. */
class AccessTokensTest {

    private final MutableClock clock = MutableClock.system();
    private final AdminAuthClient auth = mock(AdminAuthClient.class);
    private final UiProperties properties = new UiProperties(URI.create("http://admin"), URI.create("http://query"),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60));
    private AccessTokens tokens;
    private TokenSession session;

    @BeforeEach
    void setUp() {
        tokens = new AccessTokens(auth, clock, properties);
        session = new TokenSession(new LoginTokens("access-1", "rt_1", "Bearer", 1800), clock.instant());
    }

    @Test
    void aFreshTokenIsUsedAsIs() {
        clock.advance(Duration.ofMinutes(28));
        assertThat(tokens.current(session)).isEqualTo("access-1");
        verify(auth, never()).refresh(anyString());
    }

    @Test
    void aTokenAboutToExpireIsRefreshedFirst() {
        when(auth.refresh("rt_1")).thenReturn(new LoginTokens("access-2", "rt_2", "Bearer", 1800));
        clock.advance(Duration.ofMinutes(29).plusSeconds(1));
        assertThat(tokens.current(session)).isEqualTo("access-2");
        assertThat(session.refreshToken()).isEqualTo("rt_2");
        assertThat(session.expiresAt()).isAfter(clock.instant().plusSeconds(1790));
        assertThat(tokens.current(session)).isEqualTo("access-2");
        verify(auth, times(1)).refresh(anyString());
    }

    @Test
    void aRejectedTokenIsRenewedOnceEvenWhenSeveralRequestsNoticeIt() {
        when(auth.refresh("rt_1")).thenReturn(new LoginTokens("access-2", "rt_2", "Bearer", 1800));
        assertThat(tokens.renew(session, "access-1")).isEqualTo("access-2");
        // a second request that also failed with access-1 gets the new token without spending rt_2
        assertThat(tokens.renew(session, "access-1")).isEqualTo("access-2");
        verify(auth, times(1)).refresh(anyString());
    }

    @Test
    void concurrentRequestsSpendTheSingleUseRefreshTokenOnce() throws Exception {
        when(auth.refresh("rt_1")).thenAnswer(call -> {
            Thread.sleep(50);
            return new LoginTokens("access-2", "rt_2", "Bearer", 1800);
        });
        clock.advance(Duration.ofMinutes(30));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return tokens.current(session);
            }));
        }
        start.countDown();
        for (Future<String> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("access-2");
        }
        pool.shutdown();
        verify(auth, times(1)).refresh("rt_1");
    }

    @Test
    void aRefusedRefreshEndsTheSession() {
        when(auth.refresh("rt_1")).thenThrow(new AdminApiException(401, "INVALID_REFRESH_TOKEN", "expired"));
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> tokens.current(session)).isInstanceOf(SessionExpiredException.class);
        assertThat(session.ended()).isTrue();
        assertThat(session.accessToken()).isNull();
        assertThatThrownBy(() -> tokens.current(session)).isInstanceOf(SessionExpiredException.class);
        verify(auth, times(1)).refresh(anyString());
    }

    @Test
    void anUnreachableAdminModuleDoesNotEndTheSession() {
        when(auth.refresh("rt_1")).thenThrow(new AdminApiException("down", new RuntimeException()));
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> tokens.current(session)).isInstanceOf(AdminApiException.class);
        assertThat(session.ended()).isFalse();
        assertThat(session.refreshToken()).isEqualTo("rt_1");
    }
}
