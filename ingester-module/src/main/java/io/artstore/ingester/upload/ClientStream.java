package io.artstore.ingester.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The caller's file content, remembering whether reading it failed — a body cut short or not
 * properly framed — so that such an upload is answered as the caller's error (400), not as a
 * failure of the storage element the bytes were being streamed to.
 */
final class ClientStream extends FilterInputStream {

    private volatile boolean failed;

    ClientStream(InputStream in) {
        super(in);
    }

    boolean failed() {
        return failed;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException ex) {
            failed = true;
            throw ex;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException ex) {
            failed = true;
            throw ex;
        }
    }
}
