package dev.runline.schemas;

import dev.runline.schemas.event.RunAccepted;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for run events of any published schema version. Undecodable bytes raise
 * {@link SerializationException}, which the consumer's error-handling deserializer turns into a
 * dead letter that keeps the original bytes.
 */
public class RunAcceptedDeserializer implements Deserializer<RunAccepted> {

    private final RunEventCodec codec = new RunEventCodec();

    @Override
    public RunAccepted deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return codec.decode(data);
        } catch (UndecodableEventException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
