package io.artstore.system.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of a storage element (TLS passes through untouched, so certificate
 * checks still see the real SE). In stall mode it accepts connections and then never
 * answers — a hung SE or a black-holed network path, the kind of failure only client
 * timeouts can bound. Connections made before stalling keep working.
 */
final class StallingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    StallingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("stalling-proxy").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** New connections are accepted but never answered (and nothing they send goes anywhere). */
    void stall(boolean stall) {
        stalled.set(stall);
        if (stall) {
            closeAll();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (stalled.get()) {
                    continue; // held open, never read, never answered
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException ex) {
                // closed, or the target is down: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("stalling-proxy-pump").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ex) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private void closeAll() {
        sockets.forEach(StallingProxy::closeQuietly);
        sockets.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeAll();
    }
}
