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
 *   java bench/LoadTest.java BASE_URL TOKEN CONCURRENCY SECONDS 'name=POST PATH JSON' ...
 *
 * Each worker picks one of the named requests at random (repeat a pair to weight it) and prints p50/p95/p99,
 * throughput and errors (any status outside 2xx) per name, and overall. A request is a GET of PATH, or
 * "POST PATH JSON" (sent with a fresh Idempotency-Key). PATH and JSON may contain {rand:N}, replaced by a random
 * number below N, {rand:MIN:MAX}, a random number from MIN to MAX inclusive, and {pick:FILE}, a random line of
 * FILE (e.g. the ids of one store's customers). The first 10% of the run is warm-up and not counted. With
 * BACKEND_PID set, it also prints the CPU time that process used per measured request (user + system, from /proc),
 * the figure that says what a request costs, and its resident memory (RSS) after the run.
 * Environment, for the fault and soak runs:
 *   THINK_MS=N        each worker waits N ms between requests (a moderate, steady rate instead of flat out)
 *   TIMELINE=FILE     one line per request, warm-up included: start and end (epoch ms), name, status, and for a
 *                     2xx POST the first "id" of the answer (the acknowledged write, for checking it survived)
 *   INTERVAL_SECONDS  also print p50/p95, throughput, errors and the backend's RSS for each interval of N seconds
 */
public class LoadTest {

    record Sample(String name, long nanos, int status) {
    }

    private static final Map<String, List<String>> PICK_FILES = new ConcurrentHashMap<>();
    private static final java.util.regex.Pattern FIRST_ID = java.util.regex.Pattern.compile("\"(?:inquiryId|id)\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: LoadTest BASE_URL TOKEN CONCURRENCY SECONDS name=PATH|'name=POST PATH JSON'...");
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
        long thinkMillis = Long.parseLong(System.getenv().getOrDefault("THINK_MS", "0"));
        String timelineFile = System.getenv("TIMELINE");
        java.io.PrintWriter timeline = timelineFile == null ? null
                : new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(timelineFile)));
        int interval = Integer.parseInt(System.getenv().getOrDefault("INTERVAL_SECONDS", "0"));
        List<long[]> intervalSamples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long warmupEnd = start + seconds * 100_000_000L;
        long end = start + seconds * 1_000_000_000L;
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        String backendPid = System.getenv("BACKEND_PID");
        long[] cpuAtWarmupEnd = {-1};
        if (backendPid != null) {
            Thread meter = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
                    cpuAtWarmupEnd[0] = cpuMillis(backendPid);
                } catch (Exception e) {
                    cpuAtWarmupEnd[0] = -1;
                }
            });
            meter.setDaemon(true);
            meter.start();
        }
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                List<Sample> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        String[] target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                        HttpRequest request = request(base, token, expand(target[1]));
                        boolean keepBody = timeline != null && "POST".equals(request.method());
                        long wall0 = System.currentTimeMillis();
                        long t0 = System.nanoTime();
                        int status;
                        String ackedId = "";
                        try {
                            if (keepBody) {
                                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                                status = response.statusCode();
                                java.util.regex.Matcher id = FIRST_ID.matcher(response.body());
                                if (status / 100 == 2 && id.find()) {
                                    ackedId = id.group(1);
                                }
                            } else {
                                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            }
                        } catch (Exception e) {
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmupEnd) {
                            mine.add(new Sample(target[0], t1 - t0, status));
                        }
                        if (interval > 0) {
                            intervalSamples.add(new long[] {t1, t1 - t0, status});
                        }
                        if (timeline != null) {
                            String line = wall0 + " " + (wall0 + (t1 - t0) / 1_000_000) + " " + target[0] + " " + status
                                    + (ackedId.isEmpty() ? "" : " " + ackedId);
                            synchronized (timeline) {
                                timeline.println(line);
                            }
                        }
                        if (thinkMillis > 0) {
                            Thread.sleep(thinkMillis);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
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
        if (interval > 0) {
            Thread reporter = new Thread(() -> reportIntervals(start, end, interval, intervalSamples, backendPid));
            reporter.setDaemon(true);
            reporter.start();
        }
        done.await();
        if (timeline != null) {
            timeline.close();
        }
        long cpuAtEnd = backendPid == null ? -1 : cpuMillis(backendPid);
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
        long requests = latencies.values().stream().mapToLong(List::size).sum();
        System.out.printf("%-22s %9d %9.1f %29s %7d%n", "all", requests, requests / measured, "",
                errors.values().stream().mapToLong(AtomicLong::get).sum());
        if (cpuAtWarmupEnd[0] >= 0 && cpuAtEnd >= 0 && requests > 0) {
            System.out.printf("backend (pid %s) CPU: %.2f ms per request (%d ms for %d requests)%n", backendPid,
                    (double) (cpuAtEnd - cpuAtWarmupEnd[0]) / requests, cpuAtEnd - cpuAtWarmupEnd[0], requests);
        }
        if (backendPid != null) {
            System.out.printf("backend (pid %s) RSS after the run: %s%n", backendPid, rss(backendPid));
        }
    }

    /** Every INTERVAL seconds: that interval's requests per second, p50/p95/max, errors and the backend's RSS. */
    private static void reportIntervals(long start, long end, int interval, List<long[]> samples, String backendPid) {
        System.out.printf("%-8s %8s %9s %9s %9s %7s %12s%n", "t s", "req/s", "p50 ms", "p95 ms", "max ms", "errors", "RSS");
        for (long boundary = start + interval * 1_000_000_000L; boundary <= end; boundary += interval * 1_000_000_000L) {
            try {
                Thread.sleep(Math.max(0, (boundary - System.nanoTime()) / 1_000_000));
                List<long[]> batch;
                synchronized (samples) {
                    batch = new ArrayList<>(samples);
                    samples.clear();
                }
                List<Long> nanos = new ArrayList<>();
                long failed = 0;
                for (long[] sample : batch) {
                    nanos.add(sample[1]);
                    failed += sample[2] / 100 == 2 ? 0 : 1;
                }
                Collections.sort(nanos);
                System.out.printf("%-8d %8.1f %9.2f %9.2f %9.2f %7d %12s%n", (boundary - start) / 1_000_000_000L,
                        nanos.size() / (double) interval, pct(nanos, 50), pct(nanos, 95),
                        nanos.isEmpty() ? Double.NaN : nanos.get(nanos.size() - 1) / 1e6, failed,
                        backendPid == null ? "" : rss(backendPid));
            } catch (Exception e) {
                return;
            }
        }
    }

    /** "PATH" is a GET; "POST PATH JSON" a POST of that body. */
    private static HttpRequest request(String base, String token, String target) {
        HttpRequest.Builder builder = HttpRequest.newBuilder().header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (!target.startsWith("POST ")) {
            return builder.uri(URI.create(base + target)).GET().build();
        }
        int space = target.indexOf(' ', 5);
        return builder.uri(URI.create(base + target.substring(5, space))).header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(target.substring(space + 1))).build();
    }

    /** The VmRSS line of /proc/PID/status, e.g. "412345 kB". */
    private static String rss(String pid) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", pid, "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).trim()).findFirst().orElse("?");
    }

    /** User + system CPU time of a process in ms: fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms. */
    private static long cpuMillis(String pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static String expand(String path) {
        return replace(replace(path, "{rand:", LoadTest::random), "{pick:", LoadTest::pick);
    }

    /** Each "{PREFIX...}" of path replaced by what value makes of the text between the prefix and the brace. */
    private static String replace(String path, String prefix, java.util.function.Function<String, String> value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (int open; (open = path.indexOf(prefix, i)) >= 0; ) {
            int close = path.indexOf('}', open);
            out.append(path, i, open).append(value.apply(path.substring(open + prefix.length(), close)));
            i = close + 1;
        }
        return out.append(path.substring(i)).toString();
    }

    /** {rand:N}: below N; {rand:MIN:MAX}: from MIN to MAX inclusive. */
    private static String random(String spec) {
        String[] range = spec.split(":");
        return Long.toString(range.length == 1 ? ThreadLocalRandom.current().nextLong(Long.parseLong(range[0]))
                : ThreadLocalRandom.current().nextLong(Long.parseLong(range[0]), Long.parseLong(range[1]) + 1));
    }

    /** {pick:FILE}: a random line of FILE, read once. */
    private static String pick(String file) {
        List<String> lines = PICK_FILES.computeIfAbsent(file, f -> {
            try {
                return java.nio.file.Files.readAllLines(java.nio.file.Path.of(f));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return lines.get(ThreadLocalRandom.current().nextInt(lines.size()));
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
