package io.vigil.testkit;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

final class KafkaProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private KafkaProbe() {
    }

    /**
     * Opens a TCP connection first, because an AdminClient keeps retrying a closed port until its timeout,
     * then asks the cluster to describe itself, because an open port could be anything.
     */
    static void check(String bootstrapServers, Duration timeout) throws IOException {
        checkSomeServerAccepts(bootstrapServers);
        int millis = (int) timeout.toMillis();
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.CLIENT_ID_CONFIG, "vigil-testkit-probe"));
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .clusterId().get(millis + 500L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no Kafka cluster answered at " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + bootstrapServers, e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    record HostPort(String host, int port) {
    }

    static List<HostPort> split(String bootstrapServers) {
        List<HostPort> hostsAndPorts = new ArrayList<>();
        for (String server : bootstrapServers.split(",")) {
            String trimmed = server.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1 || !trimmed.substring(colon + 1).matches("\\d{1,5}")) {
                throw new IllegalArgumentException("Not host:port: '" + trimmed + "' in " + bootstrapServers);
            }
            String host = trimmed.substring(0, colon).replaceAll("^\\[|]$", "");
            hostsAndPorts.add(new HostPort(host, Integer.parseInt(trimmed.substring(colon + 1))));
        }
        return hostsAndPorts;
    }

    private static void checkSomeServerAccepts(String bootstrapServers) throws IOException {
        IOException last = null;
        for (HostPort server : split(bootstrapServers)) {
            try {
                Ports.checkAccepts(server.host(), server.port(), CONNECT_TIMEOUT);
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        ConnectException refused = new ConnectException("nothing accepts connections at " + bootstrapServers);
        refused.initCause(last);
        throw refused;
    }
}
