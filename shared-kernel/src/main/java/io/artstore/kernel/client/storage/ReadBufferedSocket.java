package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Set;

/**
 * A connected socket whose reads go through a buffer, for a TLS socket to be layered on.
 *
 * <p>The JDK's {@code SSLSocket} reads each TLS record with two system calls, one for its
 * 5-byte header and one for its body of at most 16 KiB. A 1 GiB download through query-module
 * took about 160,000 {@code read} calls, and their system time was the largest single cost of
 * the proxy's request thread (docs/benchmarks.md). Layered on this socket, the TLS socket reads
 * from the buffer, which takes whatever the kernel has ready, up to the buffer's size, in one
 * call.
 *
 * <p>Everything else (timeouts, options, shutdown, close, addresses) is the wrapped socket's.
 * The buffer adds no waiting: a read returns what is buffered, or what one read of the socket
 * brings, exactly like the socket's own stream.
 */
final class ReadBufferedSocket extends Socket {

    private final Socket socket;
    private final int bufferSize;
    private ReadBuffer input;

    ReadBufferedSocket(Socket socket, int bufferSize) {
        this.socket = Objects.requireNonNull(socket, "socket");
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("bufferSize must be positive");
        }
        this.bufferSize = bufferSize;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new ReadBuffer(socket.getInputStream(), bufferSize);
        }
        return input;
    }

    /**
     * Whether bytes have arrived that no one has read yet: in the buffer, or in the socket
     * (a non-blocking look). Called by the thread that sends, while no one reads.
     */
    boolean inputWaiting() throws IOException {
        ReadBuffer buffer;
        synchronized (this) {
            buffer = input;
        }
        return buffer != null && buffer.buffered() > 0 || socket.getInputStream().available() > 0;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        socket.connect(endpoint);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        socket.connect(endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        socket.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return socket.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getPort() {
        return socket.getPort();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return socket.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return socket.getLocalSocketAddress();
    }

    /** None: a channel would read past the buffer. */
    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        socket.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return socket.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        socket.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return socket.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        socket.sendUrgentData(data);
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        socket.setOOBInline(on);
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return socket.getOOBInline();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        socket.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return socket.getSoTimeout();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        socket.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return socket.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        socket.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return socket.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        socket.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return socket.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        socket.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return socket.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        socket.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return socket.getReuseAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public void shutdownInput() throws IOException {
        socket.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public boolean isBound() {
        return socket.isBound();
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return socket.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return socket.isOutputShutdown();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        socket.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        socket.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return socket.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return socket.supportedOptions();
    }

    @Override
    public String toString() {
        return "ReadBufferedSocket[" + socket + "]";
    }

    /**
     * The buffer. Unlike {@link java.io.BufferedInputStream} it never asks the socket for
     * {@code available()} (a system call of its own) and never reads twice for one request.
     * Used by one reading thread at a time, as a socket's stream is.
     */
    static final class ReadBuffer extends InputStream {

        private final InputStream in;
        private final byte[] buffer;
        private int position;
        private int limit;

        ReadBuffer(InputStream in, int size) {
            this.in = in;
            this.buffer = new byte[size];
        }

        @Override
        public int read() throws IOException {
            if (position == limit && fill() < 0) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            if (position == limit) {
                if (length >= buffer.length) {
                    return in.read(target, offset, length);
                }
                if (fill() < 0) {
                    return -1;
                }
            }
            int count = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            return count;
        }

        private int fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(read, 0);
            return read;
        }

        int buffered() {
            return limit - position;
        }

        @Override
        public int available() throws IOException {
            return limit - position > 0 ? limit - position : in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
