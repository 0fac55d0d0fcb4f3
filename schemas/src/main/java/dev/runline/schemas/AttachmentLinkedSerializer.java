package dev.runline.schemas;

import dev.runline.schemas.event.AttachmentLinked;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for attachment links (Avro single-object encoding). */
public class AttachmentLinkedSerializer implements Serializer<AttachmentLinked> {

    private final AttachmentLinkedCodec codec = new AttachmentLinkedCodec();

    @Override
    public byte[] serialize(String topic, AttachmentLinked event) {
        return event == null ? null : codec.encode(event);
    }
}
