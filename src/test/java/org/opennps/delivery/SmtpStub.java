package org.opennps.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny SMTP server on loopback for what GreenMail cannot play: a chosen reply to each
 * {@code RCPT TO} (550 for an address that does not exist, 451 for a busy mailbox), or silence
 * after accepting the connection (a tarpit). It counts connections and records the commands.
 */
final class SmtpStub implements AutoCloseable {

    private final ServerSocket server;
    private final Function<String, String> rcptReply;
    private final boolean silent;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** @param rcptReply the reply line to {@code RCPT TO:<address>} for an address */
    static SmtpStub answering(Function<String, String> rcptReply) throws IOException {
        return new SmtpStub(rcptReply, false);
    }

    /** Accepts connections and never says a word. */
    static SmtpStub tarpit() throws IOException {
        return new SmtpStub(a -> "250 OK", true);
    }

    private SmtpStub(Function<String, String> rcptReply, boolean silent) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.rcptReply = rcptReply;
        this.silent = silent;
        this.acceptor = new Thread(this::accept, "smtp-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    /** The recipients of the messages accepted with 250 after DATA. */
    List<String> delivered() {
        return List.copyOf(delivered);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                if (!silent) {
                    Thread session = new Thread(() -> converse(socket), "smtp-stub-session");
                    session.setDaemon(true);
                    session.start();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 stub ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                commands.add(command.split(" ")[0].split(":")[0]);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 stub");
                } else if (command.startsWith("MAIL FROM")) {
                    recipient = null;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    String answer = rcptReply.apply(address);
                    if (answer.startsWith("250")) {
                        recipient = address;
                    }
                    reply(out, answer);
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not kept
                    }
                    if (recipient != null) {
                        delivered.add(recipient);
                    }
                    reply(out, "250 OK queued");
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    recipient = null;
                    reply(out, "250 OK");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
