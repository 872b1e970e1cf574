package io.careloop.engine.process;

import com.fasterxml.uuid.EthernetAddress;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedReorderedGenerator;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;

/**
 * Camunda's ids as time-ordered UUIDs (RFC 9562 version 6: the time-based UUID of Camunda's
 * {@code StrongUuidGenerator}, same node address and clock sequence, with the timestamp's high bits
 * first). Made in the node like the strong UUIDs, so safe for several nodes on one database; but
 * one after another they sort in the order they were made, so a new row lands at the end of each
 * primary-key and id index instead of at a random place. On H2 every commit writes each B-tree
 * page the transaction touched (WRITE_DELAY=0): with random ids a process start touched a
 * different leaf per row and index; with ordered ids mostly the same few.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

    private static final TimeBasedReorderedGenerator GENERATOR =
            Generators.timeBasedReorderedGenerator(EthernetAddress.fromInterface());

    @Override
    public String getNextId() {
        return GENERATOR.generate().toString();
    }
}
