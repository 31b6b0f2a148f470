package eu.drugsplan.e2e;

import eu.drugsplan.testsupport.TestKeys;
import eu.drugsplan.testsupport.TopicProbe;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The four packaged services started as separate processes, as the local platform runs them, against the
 * real PostgreSQL and the test broker. Topics are unique per run, so no earlier record reaches them. Most
 * classes drive the one {@link SharedSuite}; a suite with replicas runs on databases of its own.
 */
final class Suite implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Where freePort looks: below the kernel's ephemeral ports, above the local platform's fixed ones. */
    private static final int FIRST_PORT = 20000;
    private static final int LAST_PORT = 32000;
    private static final Random RANDOM = new Random();
    private static final Set<Integer> GIVEN_PORTS = ConcurrentHashMap.newKeySet();
    private static final List<String> SERVICES = List.of("indicators-service", "submissions-service",
            "reporting-service", "gateway");

    private static final Map<String, String> PORT_VARIABLES = Map.of("indicators-service", "INDICATORS_PORT",
            "submissions-service", "SUBMISSIONS_PORT", "reporting-service", "REPORTING_PORT", "gateway", "GATEWAY_PORT");
    /** Health and metrics are on each process's management port, never on its HTTP port. */
    private static final Map<String, String> MANAGEMENT_PORT_VARIABLES = Map.of(
            "indicators-service", "INDICATORS_MANAGEMENT_PORT", "submissions-service", "SUBMISSIONS_MANAGEMENT_PORT",
            "reporting-service", "REPORTING_MANAGEMENT_PORT", "gateway", "GATEWAY_MANAGEMENT_PORT");

    private final Map<String, Integer> ports = new HashMap<>();
    /** The management port of every replica of a service, the first one first. */
    private final Map<String, List<Integer>> managementPorts = new HashMap<>();
    private final List<Process> processes = new ArrayList<>();
    /** Replicas beyond the first, by service: each its own process and port, the same databases and groups. */
    private final Map<String, List<Integer>> extraReplicaPorts = new HashMap<>();
    private final Map<String, Integer> replicas;
    /** The services' databases are {@code <prefix>indicators}, {@code <prefix>submissions}, {@code <prefix>reporting}. */
    private final String databasePrefix;
    /** Variables set over the suite's own, e.g. the token verification settings of an OpenID Connect provider. */
    private final Map<String, String> overrides;
    private Map<String, String> environment = Map.of();
    private Path logs = Path.of("target", "e2e-logs");

    private Suite(Map<String, Integer> replicas, String databasePrefix, Map<String, String> overrides) {
        this.replicas = Map.copyOf(replicas);
        this.databasePrefix = databasePrefix;
        this.overrides = Map.copyOf(overrides);
    }

    /** The suite on the e2e databases; test classes take it from {@link SharedSuite}, which starts it once. */
    static Suite start() throws IOException {
        return launched(new Suite(Map.of(), "e2e_", Map.of()));
    }

    /**
     * The suite with several replicas of some services (the others run once), as a cluster scales them: the
     * gateway and the other services call the first replica; every replica consumes in its service's group.
     * It runs on the e2e_scaled_* databases, beside the shared suite and unseen by it.
     */
    static Suite startWithReplicas(Map<String, Integer> replicas) throws IOException {
        return launched(new Suite(replicas, "e2e_scaled_", Map.of()));
    }

    /**
     * The suite with some variables of its environment replaced (JWT_PUBLIC_KEY_LOCATION, JWT_ISSUER, ...), on the
     * e2e_identity_* databases, beside the shared suite and unseen by it (test.sh creates them).
     */
    static Suite startWithEnvironment(Map<String, String> overrides) throws IOException {
        return launched(new Suite(Map.of(), "e2e_identity_", overrides));
    }

    /** A suite that does not come up stops what it started: no test class closes a suite it never got. */
    private static Suite launched(Suite suite) throws IOException {
        try {
            suite.launch();
            return suite;
        } catch (IOException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** The management base URL (health, metrics) of every replica of a service, the first one first. */
    List<String> managementUrls(String service) {
        return managementPorts.get(service).stream().map(port -> "http://127.0.0.1:" + port).toList();
    }

    /** A variable of the environment the services run with (topic names, consumer groups, database URLs). */
    String environment(String name) {
        return environment.get(name);
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    private void launch() throws IOException {
        TestKeys.ensure();
        for (String service : SERVICES) {
            ports.put(service, freePort());
            List<Integer> extra = new ArrayList<>();
            List<Integer> management = new ArrayList<>(List.of(freePort()));
            for (int replica = 2; replica <= replicas.getOrDefault(service, 1); replica++) {
                extra.add(freePort());
                management.add(freePort());
            }
            extraReplicaPorts.put(service, extra);
            managementPorts.put(service, management);
        }
        environment = environment();
        // a folder per database set: the scaled-out suite runs beside the shared one and must not truncate its logs
        logs = Path.of("target", "e2e-logs", databasePrefix.replaceAll("_$", ""));
        Files.createDirectories(logs);
        for (String service : SERVICES) {
            Path jar = ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            builder.environment().putAll(environment);
            processes.add(builder.start());
            List<Integer> extra = extraReplicaPorts.get(service);
            for (int replica = 0; replica < extra.size(); replica++) {
                ProcessBuilder another = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(service + "-" + (replica + 2) + ".log").toFile());
                another.environment().putAll(environment);
                another.environment().put(PORT_VARIABLES.get(service), extra.get(replica).toString());
                another.environment().put(MANAGEMENT_PORT_VARIABLES.get(service),
                        managementPorts.get(service).get(replica + 1).toString());
                processes.add(another.start());
            }
        }
        for (String service : SERVICES) {
            List<Integer> management = managementPorts.get(service);
            for (int replica = 0; replica < management.size(); replica++) {
                awaitReady(replica == 0 ? service : service + " (replica " + (replica + 1) + ")", management.get(replica));
            }
        }
    }

    private Map<String, String> environment() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String pg = "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("PGPORT", "5432") + "/";
        Map<String, String> env = new HashMap<>();
        env.put("INDICATORS_PORT", ports.get("indicators-service").toString());
        env.put("SUBMISSIONS_PORT", ports.get("submissions-service").toString());
        env.put("REPORTING_PORT", ports.get("reporting-service").toString());
        env.put("GATEWAY_PORT", ports.get("gateway").toString());
        MANAGEMENT_PORT_VARIABLES.forEach((service, variable) ->
                env.put(variable, managementPorts.get(service).get(0).toString()));
        env.put("INDICATORS_URL", "http://127.0.0.1:" + ports.get("indicators-service"));
        env.put("SUBMISSIONS_URL", "http://127.0.0.1:" + ports.get("submissions-service"));
        env.put("REPORTING_URL", "http://127.0.0.1:" + ports.get("reporting-service"));
        env.put("INDICATORS_DB_URL", pg + databasePrefix + "indicators");
        env.put("SUBMISSIONS_DB_URL", pg + databasePrefix + "submissions");
        env.put("REPORTING_DB_URL", pg + databasePrefix + "reporting");
        env.put("KAFKA_BOOTSTRAP_SERVERS", TopicProbe.bootstrapServers());
        env.put("OBSERVATIONS_TOPIC", "e2e-" + run + ".observations");
        env.put("SERIES_UPDATED_TOPIC", "e2e-" + run + ".series-updated");
        env.put("CATALOGUE_TOPIC", "e2e-" + run + ".catalogue");
        env.put("INDICATORS_GROUP_ID", "e2e-" + run + "-indicators");
        env.put("REPORTING_GROUP_ID", "e2e-" + run + "-reporting");
        env.put("SUBMISSIONS_GROUP_ID", "e2e-" + run + "-submissions");
        env.put("JWT_PUBLIC_KEY_LOCATION", TestKeys.PUBLIC_KEY.toAbsolutePath().toString());
        // every client of the test run is one address here (127.0.0.1), so the production limits of one caller
        // would throttle the whole run: the rate limit by the polling for released data, the connections per
        // address by REST Assured, which opens a connection per request and leaves it to the server's idle
        // timeout (60 s). The limits themselves are tested in gateway's RateLimitTest and ClientLimitsTest; a
        // suite that needs them can still override these
        env.put("GATEWAY_RATE_LIMIT", "1000000");
        env.put("GATEWAY_CONNECTIONS_PER_CLIENT", "100000");
        env.putAll(overrides);
        return env;
    }

    private void awaitReady(String service, int managementPort) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a service exited during start-up; see e2e-tests/" + logs);
            }
            if (answers200(health)) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " not ready in 90 s; see e2e-tests/" + logs);
    }

    private static boolean answers200(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * A port below the kernel's ephemeral range (32768-60999 on Linux): a port the kernel hands out (new ServerSocket(0))
     * may be taken, between this probe and the service's start, as the local port of an outgoing connection - a
     * test client's, Kafka's - and the service then fails to bind (CI saw a management interface fail so). Ports
     * below the range are never given to outgoing connections; 20000-32000 is above the local platform's fixed
     * ports (deploy/local: 5432, 8080-9180, 18480-18513, 19092, 19180), and each is handed out once per test run.
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = FIRST_PORT + RANDOM.nextInt(LAST_PORT - FIRST_PORT);
            if (!GIVEN_PORTS.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // a listener of this machine has it: another one
            }
        }
        throw new IOException("no free port in " + FIRST_PORT + "-" + LAST_PORT);
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
