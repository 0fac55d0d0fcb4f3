package dev.runline.schemas;

import java.util.Locale;
import java.util.UUID;

/**
 * The Kafka record key of a run: organization plus case-folded serial, so that all runs of one unit land
 * on one partition and are processed in the order they were accepted.
 */
public final class RunPartitionKey {

    private RunPartitionKey() {}

    public static String of(UUID organizationId, String serialNumber) {
        return organizationId + "/" + serialNumber.toLowerCase(Locale.ROOT);
    }
}
