package dev.runline.gateway.openhtf;

import dev.runline.gateway.run.ReadResult;
import java.util.List;

/**
 * An OpenHTF test record converted into a run, and the attachments the record carried inline (base64
 * {@code data}), which the import stores as files of that run. The attachments are empty when the run is invalid.
 */
public record OpenHtfConversion(ReadResult run, List<InlinedAttachment> attachments) {

    public OpenHtfConversion {
        attachments = List.copyOf(attachments);
    }
}
