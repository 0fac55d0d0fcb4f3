package dev.runline.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer of the runs topic: a {@link dev.runline.schemas.event.RunAccepted} or an
 * {@link dev.runline.schemas.event.EditRequested} (see {@link RunTopicCodec}). Undecodable bytes raise
 * {@link SerializationException}, which the consumer's error-handling deserializer turns into a dead letter
 * that keeps the original bytes.
 */
public class RunTopicDeserializer implements Deserializer<SpecificRecord> {

    private final RunTopicCodec codec = new RunTopicCodec();

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
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
