package io.artstore.storage.store;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reusable direct buffers for {@code O_DIRECT} writes, whose memory address and length must be
 * multiples of the file system's block size. Handing the JDK a heap buffer instead makes it
 * allocate a new aligned direct buffer for every write and free it only when the garbage
 * collector happens by: a 1 GiB upload grew the storage element to 1.2 GiB of RSS with a
 * 128 MiB heap (docs/benchmarks.md, section 15). Up to {@code idle} buffers are kept for reuse;
 * more are left to the collector.
 */
final class AlignedBuffers {

    /** The largest alignment served: a buffer has this much room to start on a block boundary. */
    static final int MAX_ALIGNMENT = 64 * 1024;

    private final int size;
    private final BlockingQueue<ByteBuffer> idle;

    AlignedBuffers(int size, int idle) {
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(idle);
    }

    /** A buffer from {@link #take(int)}: {@code buffer} is the aligned part of {@code allocation}. */
    record Lease(ByteBuffer allocation, ByteBuffer buffer) {
    }

    /** Whether {@link #take(int)} can start a buffer on this boundary: a power of two up to 64 KiB. */
    boolean serves(int alignment) {
        return alignment > 0 && alignment <= MAX_ALIGNMENT && Integer.bitCount(alignment) == 1;
    }

    /** A buffer of {@code size} bytes starting on an {@code alignment} boundary ({@link #serves(int)}). */
    Lease take(int alignment) {
        if (!serves(alignment)) {
            throw new IllegalArgumentException("Unsupported alignment " + alignment);
        }
        ByteBuffer allocation = idle.poll();
        if (allocation == null) {
            allocation = ByteBuffer.allocateDirect(size + MAX_ALIGNMENT);
        }
        return new Lease(allocation, allocation.clear().alignedSlice(alignment).limit(size).slice());
    }

    /** Returns a buffer for reuse. */
    void release(Lease lease) {
        idle.offer(lease.allocation());
    }

    int size() {
        return size;
    }

    /** Buffers kept for reuse now. */
    int idle() {
        return idle.size();
    }
}
