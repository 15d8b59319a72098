package com.harborcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * OWASP API4:2023, a slow client: a connection that stops sending (half a request, "slowloris") is closed after
 * the idle timeout (harbor.http.idle-timeout, HARBOR_HTTP_IDLE_TIMEOUT) instead of holding a connection for good.
 * No answer is possible on a request that never finished, so the server closes it without one.
 */
@QuarkusTest
@TestProfile(SlowClientTest.ShortIdleTimeout.class)
class SlowClientTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2S");
        }
    }

    @Test
    void aClientThatStopsMidRequestIsDisconnected() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /api/v1/me HTTP/1.1\r\nHost: local".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            int read;
            try {
                while ((read = in.read()) >= 0) {
                    // Nothing is expected; anything read before the close is ignored.
                }
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-1, read);
            assertTrue(waitedMillis >= 1_500 && waitedMillis < 15_000, "closed after " + waitedMillis + " ms");
        }
    }

    @Test
    void aClientThatKeepsTalkingIsServed() {
        RestAssured.given().get("/q/health/live").then().statusCode(200);
    }
}
