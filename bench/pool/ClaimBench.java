import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Claims through the API (loopback only, bounded).
 *
 *   java ClaimBench.java latency BASE TOKENS_FILE IDS_FILE  - each of the N tokens (one per line) is a claimer
 *       thread; the pool customer ids (one per line) are dealt out so no two threads want the same one; every
 *       request claims one customer. Prints p50/p95/p99 and the answers.
 *   java ClaimBench.java race BASE TOKENS_FILE IDS_FILE RACERS - every id is claimed by RACERS different
 *       claimers at once (ids x RACERS requests in all, spread over the threads). Prints the answers.
 *
 * THINK_MS=n makes each claimer pause n ms after each answer (a given rate instead of as fast as the machine
 * answers); in latency mode WARMUP=n first claims the last n ids of the file, unmeasured, so the backend's JIT
 * has compiled the claim before the measured claims (n=0 measures a cold backend).
 */
public class ClaimBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        List<String> tokens = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        List<String> ids = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
        int racers = mode.equals("race") ? Integer.parseInt(args[4]) : 1;
        long thinkMs = Long.parseLong(System.getenv().getOrDefault("THINK_MS", "0"));
        int warmup = mode.equals("latency") ? Integer.parseInt(System.getenv().getOrDefault("WARMUP", "0")) : 0;
        if (warmup > 0) {
            List<String> warm = ids.subList(ids.size() - warmup, ids.size());
            ids = ids.subList(0, ids.size() - warmup);
            run(base, tokens, warm, 1, 0, new ArrayList<>(), new ConcurrentHashMap<>());
            System.out.printf("warm-up: %d claims, not measured%n", warm.size());
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long wall = run(base, tokens, ids, racers, thinkMs, latencies, statuses);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s: %d claim requests by %d concurrent claimers%s in %.1f s (%.0f req/s)%n", mode,
                sorted.size(), tokens.size(), thinkMs > 0 ? ", " + thinkMs + " ms pause after each answer" : "",
                wall / 1e9, sorted.size() / (wall / 1e9));
        System.out.printf("latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        System.out.println("answers by HTTP status: " + new TreeMap<>(statuses));
    }

    /** Every id claimed by RACERS claimers (one thread per token); returns the wall time in ns. */
    private static long run(String base, List<String> tokens, List<String> ids, int racers, long thinkMs,
            List<Long> latencies, Map<Integer, AtomicInteger> statuses) throws InterruptedException {
        int threads = tokens.size();
        // Work list per thread: in latency mode disjoint ids; in race mode id i goes to threads i, i+1, ... (mod n).
        List<List<String>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.size(); i++) {
            for (int r = 0; r < racers; r++) {
                work.get((i + r) % threads).add(ids.get(i));
            }
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            String token = tokens.get(t);
            List<String> mine = work.get(t);
            new Thread(() -> {
                try {
                    start.await();
                    for (String id : mine) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/pool/claim"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"customerIds\":[" + id + "]}")).build();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies.add(System.nanoTime() - t0);
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (thinkMs > 0) {
                            Thread.sleep(thinkMs);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        done.await();
        return System.nanoTime() - t0;
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, index)) / 1e6;
    }
}
