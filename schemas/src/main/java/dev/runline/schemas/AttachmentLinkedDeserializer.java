package dev.runline.schemas;

import dev.runline.schemas.event.AttachmentLinked;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for attachment links of any published schema version. */
public class AttachmentLinkedDeserializer implements Deserializer<AttachmentLinked> {

    private final AttachmentLinkedCodec codec = new AttachmentLinkedCodec();

    @Override
    public AttachmentLinked deserialize(String topic, byte[] data) {
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
