package com.harborcrm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free local port that records every request it receives and answers with the statuses
 * it is told to (then 204), optionally after a pause: a webhook receiver for tests, spoken to over the wire.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One received request: lower-case header names. */
    public record Received(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 204;
    private volatile long pauseMillis;
    private volatile String successBody;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
                received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
                Integer next = statuses.poll();
                int status = next == null ? defaultStatus : next;
                byte[] answer = (successBody != null && status >= 200 && status < 300 ? successBody
                        : "answered " + status).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
                if (status != 204) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers, in order; afterwards the default. */
    public WebhookReceiver answer(Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    /** What 2xx answers other than 204 carry (JSON, as a provider's API answers); default "answered N". */
    public WebhookReceiver answerBody(String body) {
        successBody = body;
        return this;
    }

    public WebhookReceiver answerAlways(int status) {
        defaultStatus = status;
        return this;
    }

    public WebhookReceiver pause(long millis) {
        pauseMillis = millis;
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
