package dev.runline.schemas;

import dev.runline.schemas.event.RunAccepted;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for run events (Avro single-object encoding). */
public class RunAcceptedSerializer implements Serializer<RunAccepted> {

    private final RunEventCodec codec = new RunEventCodec();

    @Override
    public byte[] serialize(String topic, RunAccepted event) {
        return event == null ? null : codec.encode(event);
    }
}
