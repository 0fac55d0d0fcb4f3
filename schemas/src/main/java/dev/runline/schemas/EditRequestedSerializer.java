package dev.runline.schemas;

import dev.runline.schemas.event.EditRequested;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for edits on the runs topic (see {@link RunTopicCodec}). */
public class EditRequestedSerializer implements Serializer<EditRequested> {

    private final RunTopicCodec codec = new RunTopicCodec();

    @Override
    public byte[] serialize(String topic, EditRequested data) {
        return data == null ? null : codec.encode(data);
    }
}
