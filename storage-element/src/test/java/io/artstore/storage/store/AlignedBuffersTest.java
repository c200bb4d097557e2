package io.artstore.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlignedBuffersTest {

    private final AlignedBuffers buffers = new AlignedBuffers(1024 * 1024, 2);

    @Test
    void aBufferIsDirectOfTheSizeAndStartsOnTheBoundary() {
        for (int alignment : new int[] {512, 4096, 65536}) {
            AlignedBuffers.Lease lease = buffers.take(alignment);
            assertThat(lease.buffer().isDirect()).isTrue();
            assertThat(lease.buffer().capacity()).isEqualTo(1024 * 1024);
            assertThat(lease.buffer().alignmentOffset(0, alignment)).isZero();
            buffers.release(lease);
        }
    }

    @Test
    void releasedBuffersAreReusedUpToTheIdleLimit() {
        AlignedBuffers.Lease first = buffers.take(4096);
        AlignedBuffers.Lease second = buffers.take(4096);
        AlignedBuffers.Lease third = buffers.take(4096);
        buffers.release(first);
        buffers.release(second);
        buffers.release(third);
        assertThat(buffers.idle()).isEqualTo(2);
        assertThat(buffers.take(4096).allocation()).isSameAs(first.allocation());
    }

    @Test
    void refusesAnAlignmentItCannotServe() {
        assertThatThrownBy(() -> buffers.take(3000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffers.take(128 * 1024)).isInstanceOf(IllegalArgumentException.class);
    }
}
