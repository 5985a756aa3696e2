package io.vigil.bench;

import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a topic from its current end on a thread of its own, the way the benchmark watches what the services
 * publish, and hands every message to a handler with the moment it was read. Only committed records are read.
 */
final class TopicTail implements AutoCloseable {

    /** What to do with each message read. */
    interface Handler {
        void accept(ConsumerRecord<String, String> record, Message message, long readAtNanos);
    }

    private final Thread poller;
    private volatile boolean running = true;

    TopicTail(String bootstrap, String topic, Handler handler) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("isolation.level", "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end now: records published from here on are the ones the caller is about to cause.
        partitions.forEach(consumer::position);
        EnvelopeCodec codec = new EnvelopeCodec();
        poller = Thread.ofPlatform().daemon().name("bench-tail-" + topic).start(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        handler.accept(record, codec.decode(record.value()).payload(), System.nanoTime());
                    }
                }
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5000);
    }
}
