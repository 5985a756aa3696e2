package io.vigil.testkit;

import static io.vigil.testkit.TestSupport.NO_DOCKER;
import static io.vigil.testkit.TestSupport.closedPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaResolverIT {

    private static Resolved<KafkaEndpoint> embedded;
    private static int embeddedPort;

    @BeforeAll
    static void startEmbeddedThroughFallThrough() {
        embedded = new KafkaResolver(Map.of(), "127.0.0.1", closedPort(), NO_DOCKER).resolve();
        String bootstrap = embedded.endpoint().bootstrapServers();
        embeddedPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stopEmbedded() throws Exception {
        embedded.close();
    }

    @Test
    void closedLocalPortFallsThroughToEmbeddedKafka() throws Exception {
        String bootstrap = embedded.endpoint().bootstrapServers();
        assertThat(embedded.endpoint().origin()).isEqualTo(Origin.EMBEDDED);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("testkit-round-trip", "key", "hello")).get(30, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            TopicPartition partition = new TopicPartition("testkit-round-trip", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        assertThat(received).singleElement()
                .satisfies(record -> assertThat(record.value()).isEqualTo("hello"));
    }

    @Test
    void environmentBootstrapWinsOverReachableLocalBroker() throws Exception {
        String bootstrap = embedded.endpoint().bootstrapServers();
        Map<String, String> env = Map.of(KafkaResolver.BOOTSTRAP_VARIABLE, bootstrap);

        try (Resolved<KafkaEndpoint> named = new KafkaResolver(env, "127.0.0.1", embeddedPort, NO_DOCKER)
                .resolve()) {
            assertThat(named.endpoint()).isEqualTo(new KafkaEndpoint(bootstrap, Origin.ENVIRONMENT));
        }
        assertThat(clusterId(bootstrap))
                .as("closing a cluster named by the environment must leave it running")
                .isNotBlank();
    }

    @Test
    void reachableLocalBrokerIsUsedBeforeStartingOne() throws Exception {
        try (Resolved<KafkaEndpoint> local = new KafkaResolver(Map.of(), "127.0.0.1", embeddedPort, NO_DOCKER)
                .resolve()) {
            assertThat(local.endpoint()).isEqualTo(new KafkaEndpoint("127.0.0.1:" + embeddedPort, Origin.LOCAL));
            assertThat(clusterId(local.endpoint().bootstrapServers())).isNotBlank();
        }
    }

    @Test
    void environmentBootstrapNamingClosedPortFailsNamingTheVariable() {
        int closed = closedPort();
        Map<String, String> env = Map.of(KafkaResolver.BOOTSTRAP_VARIABLE, "127.0.0.1:" + closed);

        assertThatThrownBy(() -> new KafkaResolver(env, "127.0.0.1", embeddedPort, NO_DOCKER).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KafkaResolver.BOOTSTRAP_VARIABLE)
                .hasMessageContaining("127.0.0.1:" + closed);
    }

    private static String clusterId(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }
}
