package io.artstore.ingester.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.multipart.MultipartReader;

/**
 * The caller's file content, remembering whether reading it failed — a body cut short or not
 * properly framed — so that such an upload is answered as the caller's error (400), not as a
 * failure of the storage element the bytes were being streamed to.
 *
 * <p>The file part must be the last part of the request: its end is only reported (-1) once
 * the rest of the body has been read and holds no further part. A form field after the file
 * would change what the upload means (a {@code retention_policy} read too late files a
 * permanent document as a 30-day draft), so it fails the read instead. The failure reaches the
 * storage element before the closing delimiter of the upload it is receiving, and a storage
 * element commits a file only after that delimiter: nothing is kept on any SE.
 */
final class ClientStream extends FilterInputStream {

    private final MultipartReader reader;
    private volatile boolean failed;
    private volatile ApiException rejected;
    private boolean ended;

    ClientStream(MultipartReader reader, MultipartReader.Part file) {
        super(file.stream());
        this.reader = reader;
    }

    /** Reading the body failed (cut short, broken framing). */
    boolean failed() {
        return failed;
    }

    /** Why the request was refused after the file part (a part followed it), or {@code null}. */
    ApiException rejected() {
        return rejected;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException ex) {
            failed = true;
            throw ex;
        }
        if (b < 0) {
            requireEndOfBody();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException ex) {
            failed = true;
            throw ex;
        }
        if (n < 0) {
            requireEndOfBody();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // through read(), so that the end of the part is checked whichever way it is reached
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    /** At the end of the file part: the body must end too, with no part after the file. */
    private void requireEndOfBody() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        MultipartReader.Part next;
        try {
            next = reader.next();
        } catch (ApiException ex) {
            rejected = ex;
            throw new IOException(ex.getMessage(), ex);
        } catch (UncheckedIOException ex) {
            failed = true;
            throw ex.getCause();
        }
        if (next != null) {
            rejected = next.isFile()
                    ? ApiException.validation("Part '" + next.name() + "' is a second file after the file part:"
                            + " an upload takes one file, sent as the last part")
                    : ApiException.validation("Field '" + next.name() + "' was sent after the file:"
                            + " form fields must come before the file");
            throw new IOException(rejected.getMessage());
        }
    }
}
