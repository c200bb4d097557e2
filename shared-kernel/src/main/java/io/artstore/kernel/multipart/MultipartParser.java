package io.artstore.kernel.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A streaming {@code multipart/form-data} parser over one request body: part headers are
 * read with a size bound, part bodies are handed out straight from a 64 KiB read buffer.
 * The delimiter ({@code CRLF--boundary}) is found with Boyer-Moore-Horspool, which skips
 * up to the delimiter's length per comparison on file data; Commons FileUpload 1.x compares
 * every byte through a 4 KiB buffer, which was over half the CPU time of an upload in both
 * the ingester and the storage element. Framing rules are those of Commons FileUpload: the
 * preamble before the first delimiter is skipped (a body without any delimiter has no
 * parts), a delimiter must be followed by CRLF or, for the last one, {@code --}, and the
 * epilogue is not read.
 */
final class MultipartParser {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] shift = new int[256];
    private final byte[] buffer;
    private final int maxHeaderBytes;
    private int head;
    private int tail;
    private boolean eof;
    /** Bytes in [head, known) belong to the current part; with {@code atDelimiter} the part ends at {@code known}. */
    private int known;
    private boolean atDelimiter;
    private boolean started;
    private boolean finished;
    private PartStream current;

    MultipartParser(InputStream in, byte[] boundary, int maxHeaderBytes) {
        this.in = in;
        this.maxHeaderBytes = maxHeaderBytes;
        delimiter = new byte[boundary.length + 4];
        delimiter[0] = '\r';
        delimiter[1] = '\n';
        delimiter[2] = '-';
        delimiter[3] = '-';
        System.arraycopy(boundary, 0, delimiter, 4, boundary.length);
        Arrays.fill(shift, delimiter.length);
        for (int k = 0; k < delimiter.length - 1; k++) {
            shift[delimiter[k] & 0xff] = delimiter.length - 1 - k;
        }
        buffer = new byte[BUFFER_SIZE + delimiter.length];
        // The body starts with "--boundary": a CRLF in front makes it look like every later delimiter.
        buffer[0] = '\r';
        buffer[1] = '\n';
        tail = 2;
    }

    /**
     * Moves to the next part (skipping what is left of the current one) and returns its
     * headers, names in lower case; {@code null} after the last part.
     */
    Map<String, String> next() throws IOException {
        if (finished) {
            return null;
        }
        if (current != null) {
            current.skipRest();
            current = null;
        } else if (!started) {
            started = true;
            startData();
            try {
                skipData();
            } catch (MalformedMultipartException ex) {
                finished = true; // no delimiter at all: a body without parts, as Commons FileUpload has it
                return null;
            }
        }
        head += delimiter.length;
        if (!ensure(2)) {
            throw new MalformedMultipartException("Stream ended unexpectedly after a boundary");
        }
        byte first = buffer[head];
        byte second = buffer[head + 1];
        head += 2;
        if (first == '-' && second == '-') {
            finished = true;
            return null;
        }
        if (first != '\r' || second != '\n') {
            throw new MultipartFormatException("Unexpected characters follow a boundary");
        }
        Map<String, String> headers = readHeaders();
        startData();
        current = new PartStream();
        return headers;
    }

    /** The body of the part {@link #next()} moved to. */
    InputStream stream() {
        return current;
    }

    private Map<String, String> readHeaders() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        int matched = 2; // of "\r\n\r\n": the CRLF after the boundary ends a (possibly empty) header section too
        while (matched < 4) {
            if (!ensure(1)) {
                throw new MalformedMultipartException("Stream ended unexpectedly in the part headers");
            }
            byte b = buffer[head++];
            if (bytes.size() >= maxHeaderBytes) {
                throw new MultipartFormatException("Part headers exceed " + maxHeaderBytes + " bytes");
            }
            bytes.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Map<String, String> headers = new TreeMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.trim()); // folded continuation line
                continue;
            }
            if (name != null) {
                headers.putIfAbsent(name, value.toString());
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                name = null; // not a header line: ignored, as Commons FileUpload does
                continue;
            }
            name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            value.setLength(0);
            value.append(line.substring(colon + 1).trim());
        }
        if (name != null) {
            headers.putIfAbsent(name, value.toString());
        }
        return headers;
    }

    private void startData() {
        known = head;
        atDelimiter = false;
    }

    /** Bytes of the current part readable at {@code head} now; 0 at its end. */
    private int dataAvailable() throws IOException {
        while (true) {
            if (known > head) {
                return known - head;
            }
            if (atDelimiter) {
                return 0;
            }
            int found = search(head, tail);
            if (found >= 0) {
                known = found;
                atDelimiter = true;
                continue;
            }
            // no delimiter in [head, tail): all but a possible delimiter prefix at the end is data
            int safe = tail - (delimiter.length - 1);
            if (safe > head) {
                known = safe;
                continue;
            }
            if (eof) {
                throw new MalformedMultipartException("Stream ended unexpectedly in a part");
            }
            fill();
            known = head;
        }
    }

    private void skipData() throws IOException {
        for (int n; (n = dataAvailable()) > 0; ) {
            head += n;
        }
    }

    /** First index of the delimiter in buffer[from, to), or -1 (Boyer-Moore-Horspool). */
    private int search(int from, int to) {
        int last = delimiter.length - 1;
        byte lastByte = delimiter[last];
        for (int i = from; i <= to - delimiter.length; ) {
            byte b = buffer[i + last];
            if (b == lastByte && Arrays.equals(buffer, i, i + last, delimiter, 0, last)) {
                return i;
            }
            i += shift[b & 0xff];
        }
        return -1;
    }

    private boolean ensure(int n) throws IOException {
        while (tail - head < n) {
            if (eof) {
                return false;
            }
            fill();
        }
        return true;
    }

    /** Moves the unread bytes to the front and reads more after them. */
    private void fill() throws IOException {
        if (head > 0) {
            System.arraycopy(buffer, head, buffer, 0, tail - head);
            tail -= head;
            head = 0;
        }
        int read = in.read(buffer, tail, buffer.length - tail);
        if (read < 0) {
            eof = true;
        } else {
            tail += read;
        }
    }

    /** The body of one part; ends before the next delimiter. Closing it skips the rest of the part. */
    private final class PartStream extends InputStream {
        private boolean closed;

        @Override
        public int read() throws IOException {
            if (closed || dataAvailable() == 0) {
                return -1;
            }
            return buffer[head++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = dataAvailable();
            if (n == 0) {
                return -1;
            }
            n = Math.min(n, len);
            System.arraycopy(buffer, head, b, off, n);
            head += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return closed || current != this ? 0 : Math.max(0, known - head);
        }

        void skipRest() throws IOException {
            if (!closed) {
                closed = true;
                skipData();
            }
        }

        @Override
        public void close() throws IOException {
            skipRest();
        }
    }

    /** The body breaks the multipart framing (truncated, no delimiter where one must be). */
    static class MalformedMultipartException extends IOException {
        MalformedMultipartException(String message) {
            super(message);
        }
    }

    /** A request that is not acceptable multipart (a 400, not an I/O failure). */
    static final class MultipartFormatException extends MalformedMultipartException {
        MultipartFormatException(String message) {
            super(message);
        }
    }
}
