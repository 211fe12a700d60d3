package io.splice.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay to a server (e.g. PostgreSQL) that a test can cut — every open connection reset, new ones refused —
 * and restore, to play a database that goes away mid-run and comes back.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;
    private volatile boolean closed;

    private TcpRelay(ServerSocket server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    public static TcpRelay start(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        TcpRelay relay = new TcpRelay(server, host, port);
        daemon(relay::accept);
        return relay;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Resets every open connection; new ones are reset at once until {@link #restore()}. */
    public void cut() {
        up = false;
        open.forEach(TcpRelay::reset);
    }

    public void restore() {
        up = true;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (!up) {
                    reset(client);
                    continue;
                }
                Socket upstream = new Socket(host, port);
                open.add(client);
                open.add(upstream);
                daemon(() -> pump(client, upstream));
                daemon(() -> pump(upstream, client));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("relay accept failed", e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: the other follows
        } finally {
            reset(from);
            reset(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "tcp-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        open.forEach(TcpRelay::reset);
    }
}
