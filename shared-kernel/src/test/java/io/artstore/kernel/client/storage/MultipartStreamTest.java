package io.artstore.kernel.client.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MultipartStreamTest {

    private static final SeUpload UPLOAD = new SeUpload("data.bin", "application/octet-stream", "d", null,
            "temporary", 1, "alice");

    @Test
    void fileIsWrittenInWholeBuffersEvenWhenTheSourceHandsOutSmallSlices() throws IOException {
        byte[] content = new byte[3 * MultipartStream.BUFFER + 123];
        new Random(42).nextBytes(content);
        RecordingOutputStream out = new RecordingOutputStream();

        long copied = new MultipartStream().write(out, UPLOAD, null, new SlicingInputStream(content, 4096));

        assertThat(copied).isEqualTo(content.length);
        // 3 full buffers and the rest, not one write per 4 KiB slice
        assertThat(out.writeSizes.stream().filter(size -> size == MultipartStream.BUFFER)).hasSize(3);
        assertThat(out.writeSizes).contains(123).doesNotContain(4096);
        byte[] body = out.bytes.toByteArray();
        assertThat(indexOf(body, content)).isPositive();
        assertThat(new String(body, StandardCharsets.ISO_8859_1)).endsWith("--\r\n");
    }

    @Test
    void emptyFileGivesAnEmptyPart() throws IOException {
        RecordingOutputStream out = new RecordingOutputStream();
        MultipartStream multipart = new MultipartStream();

        long copied = multipart.write(out, UPLOAD, null, InputStream.nullInputStream());

        assertThat(copied).isZero();
        assertThat(out.bytes.toString(StandardCharsets.UTF_8)).contains("Content-Type: application/octet-stream\r\n\r\n\r\n--");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Returns at most {@code slice} bytes per read, like a multipart part stream. */
    private static final class SlicingInputStream extends FilterInputStream {
        private final int slice;

        SlicingInputStream(byte[] content, int slice) {
            super(new ByteArrayInputStream(content));
            this.slice = slice;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, slice));
        }
    }

    private static final class RecordingOutputStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> writeSizes = new ArrayList<>();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            writeSizes.add(len);
        }
    }
}
