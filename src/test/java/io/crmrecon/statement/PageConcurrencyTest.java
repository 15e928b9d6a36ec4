package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PageConcurrencyTest {

    @Test
    void letsInAsManyAsTheLimitAndTheNextWhenOneLeaves() {
        PageConcurrency concurrency = new PageConcurrency(2, Duration.ofMillis(50));
        PageConcurrency.Turn first = concurrency.enter().orElseThrow();
        PageConcurrency.Turn second = concurrency.enter().orElseThrow();

        assertThat(concurrency.enter()).as("a third waits its 50 ms and gets no turn").isEmpty();

        first.close();
        assertThat(concurrency.enter()).isPresent();
        second.close();
    }

    @Test
    void waitingRequestsGoInTheOrderTheyCame() throws Exception {
        PageConcurrency concurrency = new PageConcurrency(1, Duration.ofSeconds(10));
        PageConcurrency.Turn held = concurrency.enter().orElseThrow();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try (PageConcurrency.Turn turn = concurrency.enter().orElseThrow()) {
                    order.add(n);
                }
            });
            t.start();
            waiting.add(t);
            // the next arrives only once this one is queued
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (concurrency.waiting() < i + 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(concurrency.waiting()).isEqualTo(5);

        held.close();
        for (Thread t : waiting) {
            t.join(5_000);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void anInterruptedWaitGetsNoTurnAndKeepsTheInterrupt() throws Exception {
        PageConcurrency concurrency = new PageConcurrency(1, Duration.ofSeconds(10));
        PageConcurrency.Turn held = concurrency.enter().orElseThrow();
        AtomicInteger got = new AtomicInteger(-1);
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            got.set(concurrency.enter().isPresent() ? 1 : 0);
            got.addAndGet(Thread.currentThread().isInterrupted() ? 10 : 0);
            done.countDown();
        });
        t.start();
        while (concurrency.waiting() < 1) {
            Thread.onSpinWait();
        }
        t.interrupt();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(got.get()).as("no turn, still interrupted").isEqualTo(10);
        held.close();
    }

    @Test
    void zeroMeansNoLimit() {
        PageConcurrency off = new PageConcurrency(0, Duration.ZERO);
        for (int i = 0; i < 1_000; i++) {
            assertThat(off.enter()).isPresent();
        }
        assertThat(off.waiting()).isZero();
    }

    @Test
    void fourRequestsACoreByDefault() {
        assertThat(PageConcurrency.defaultLimit(1)).isEqualTo(4);
        assertThat(PageConcurrency.defaultLimit(2)).isEqualTo(8);
        assertThat(PageConcurrency.defaultLimit(16)).isEqualTo(64);
    }

    @Test
    void refusesANegativeLimitOrWait() {
        assertThatThrownBy(() -> new PageConcurrency(-1, Duration.ofSeconds(1)))
                .hasMessageContaining("page-concurrency");
        assertThatThrownBy(() -> new PageConcurrency(1, Duration.ofSeconds(-1)))
                .hasMessageContaining("page-max-wait");
    }

    @Test
    void theFilterAnswers503InBothLanguagesWhenNoTurnCameAndPassesOnOnceOneDoes() throws Exception {
        PageConcurrency concurrency = new PageConcurrency(1, Duration.ofMillis(20));
        Counter busy = Counter.builder("busy").register(new SimpleMeterRegistry());
        CustomerPageConfiguration.InTurn filter = new CustomerPageConfiguration.InTurn(concurrency, busy);
        PageConcurrency.Turn held = concurrency.enter().orElseThrow();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notCalled = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/s/abc"), refused, notCalled);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请稍后再试", "Please try again shortly")
                .doesNotContain("abc");
        assertThat(notCalled.getRequest()).as("the page was not worked on").isNull();
        assertThat(busy.count()).isEqualTo(1);

        held.close();
        MockHttpServletResponse served = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/s/abc"), served, chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(concurrency.enter()).as("the turn was given back").isPresent();
    }
}
