import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP load generator for Harbor's benchmarks (loopback only, bounded in time).
 * Run with the JDK's source launcher:
 *
 *   java bench/LoadTest.java BASE_URL TOKEN CONCURRENCY SECONDS name=PATH [name=PATH ...]
 *
 * Each worker picks one of the named GET requests at random (repeat a name=PATH pair to weight it; a PATH may
 * contain {rand:N}, replaced by a random number below N) and prints p50/p95/p99, throughput and errors per
 * name. The first 10% of the run is warm-up and not counted.
 */
public class LoadTest {

    record Sample(String name, long nanos, int status) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: LoadTest BASE_URL TOKEN CONCURRENCY SECONDS name=PATH...");
            System.exit(2);
        }
        String base = args[0];
        String token = args[1];
        int concurrency = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        List<String[]> targets = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            targets.add(new String[] {args[i].substring(0, eq), args[i].substring(eq + 1)});
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long warmupEnd = start + seconds * 100_000_000L;
        long end = start + seconds * 1_000_000_000L;
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                List<Sample> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        String[] target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                        String path = expand(target[1]);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmupEnd) {
                            mine.add(new Sample(target[0], t1 - t0, status));
                        }
                    }
                } finally {
                    for (Sample s : mine) {
                        latencies.computeIfAbsent(s.name(), k -> Collections.synchronizedList(new ArrayList<>())).add(s.nanos());
                        if (s.status() < 200 || s.status() >= 300) {
                            errors.computeIfAbsent(s.name(), k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        double measured = (end - warmupEnd) / 1e9;
        System.out.printf("concurrency %d, %d s measured (after %.1f s warm-up)%n", concurrency, (long) measured,
                (warmupEnd - start) / 1e9);
        System.out.printf("%-22s %9s %9s %9s %9s %9s %7s%n", "operation", "requests", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "errors");
        for (Map.Entry<String, List<Long>> e : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            System.out.printf("%-22s %9d %9.1f %9.2f %9.2f %9.2f %7d%n", e.getKey(), sorted.size(),
                    sorted.size() / measured, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    errors.getOrDefault(e.getKey(), new AtomicLong()).get());
        }
    }

    private static String expand(String path) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int open = path.indexOf("{rand:", i);
            if (open < 0) {
                out.append(path.substring(i));
                return out.toString();
            }
            int close = path.indexOf('}', open);
            long bound = Long.parseLong(path.substring(open + 6, close));
            out.append(path, i, open).append(ThreadLocalRandom.current().nextLong(bound));
            i = close + 1;
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
