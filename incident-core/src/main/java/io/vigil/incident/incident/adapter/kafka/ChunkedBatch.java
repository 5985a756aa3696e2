package io.vigil.incident.incident.adapter.kafka;

import io.vigil.starter.kafka.DatabaseOutage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Works through a poll's records a chunk per database transaction, so a consumer that is behind pays one
 * commit per chunk instead of one per record. When a chunk fails, its records are done again one transaction
 * each, so those before the failing one count, and the failing record is named by a
 * {@link BatchListenerFailedException}: the platform's error handler then commits what came before, retries
 * that record (holding it while Postgres is unreachable, see {@link DatabaseOutage}) or dead-letters it,
 * and goes on with the rest. A record that cannot be decoded fails alone the same way. A chunk holds the rows it
 * changed until it commits, so two consumers whose chunks share incidents (alerts of one group on two partitions)
 * may deadlock: Postgres aborts one of them, whose chunk is then redone record by record.
 */
final class ChunkedBatch {

    private static final Logger log = LoggerFactory.getLogger(ChunkedBatch.class);

    private ChunkedBatch() {
    }

    /**
     * @param decode   turns a record into what the use case takes; throws for a malformed record, answers
     *                 {@code null} for a record this consumer passes over
     * @param together does a chunk in one transaction, all or nothing
     * @param alone    does one in its own transaction
     */
    static <T> void process(List<ConsumerRecord<String, String>> records, int chunkSize,
            Function<ConsumerRecord<String, String>, T> decode, Consumer<List<T>> together, Consumer<T> alone) {
        List<ConsumerRecord<String, String>> chunk = new ArrayList<>(Math.min(records.size(), chunkSize));
        List<T> decoded = new ArrayList<>(chunk.size());
        for (ConsumerRecord<String, String> record : records) {
            T item;
            try {
                item = decode.apply(record);
            } catch (RuntimeException malformed) {
                doChunk(chunk, decoded, together, alone);
                throw new BatchListenerFailedException(malformed.getMessage(), malformed, record);
            }
            if (item == null) {
                continue;
            }
            chunk.add(record);
            decoded.add(item);
            if (chunk.size() == chunkSize) {
                doChunk(chunk, decoded, together, alone);
                chunk.clear();
                decoded.clear();
            }
        }
        doChunk(chunk, decoded, together, alone);
    }

    private static <T> void doChunk(List<ConsumerRecord<String, String>> chunk, List<T> decoded,
            Consumer<List<T>> together, Consumer<T> alone) {
        if (decoded.isEmpty()) {
            return;
        }
        try {
            together.accept(decoded);
            return;
        } catch (RuntimeException failure) {
            if (decoded.size() == 1 || DatabaseOutage.causedBy(failure)) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, chunk.getFirst());
            }
            log.debug("{} records together failed ({}); doing them one by one", decoded.size(), failure.getMessage());
        }
        for (int i = 0; i < decoded.size(); i++) {
            try {
                alone.accept(decoded.get(i));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, chunk.get(i));
            }
        }
    }
}
