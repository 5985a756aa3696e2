package io.vigil.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Watches a topic from the moment it is created and keeps every record that arrives after, so a
 * test can wait for the record it expects or show that nothing arrived. Reads with
 * {@code read_committed}, as the services do.
 */
public final class TopicRecorder implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private TopicRecorder(String bootstrapServers, String topic, boolean fromBeginning) {
        this.topic = topic;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        // Resolve the end offsets now, so records produced after this constructor returns are all seen.
        partitions.forEach(consumer::position);
        poller = Thread.ofPlatform().daemon().name("recorder-" + topic).start(this::poll);
    }

    /** Starts recording {@code topic}; records already on it are not included. */
    public static TopicRecorder record(String bootstrapServers, String topic) {
        return new TopicRecorder(bootstrapServers, topic, false);
    }

    /** Records {@code topic} from its first record on. */
    public static TopicRecorder recordFromBeginning(String bootstrapServers, String topic) {
        return new TopicRecorder(bootstrapServers, topic, true);
    }

    private void poll() {
        while (running) {
            var batch = consumer.poll(Duration.ofMillis(100));
            if (!batch.isEmpty()) {
                synchronized (records) {
                    batch.forEach(records::add);
                    records.notifyAll();
                }
            }
        }
        consumer.close(Duration.ofSeconds(1));
    }

    /** Everything recorded so far, in arrival order. */
    public List<ConsumerRecord<String, String>> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /**
     * Waits until a recorded record matches.
     *
     * @throws AssertionError when none did within the timeout, listing what did arrive
     */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (records) {
            while (true) {
                for (ConsumerRecord<String, String> record : records) {
                    if (matching.test(record)) {
                        return record;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching record on %s within %s; recorded: %s"
                            .formatted(topic, timeout, records.stream().map(ConsumerRecord::value).toList()));
                }
                try {
                    records.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for a record on " + topic, e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends one record and waits until the broker has it. */
    public static void send(String bootstrapServers, String topic, String key, String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }
}
