package dev.runline.gateway.run;

import java.util.List;

/**
 * Where a request put the unit's serial and part number, so that the issues raised after reading (no part
 * number and no serial pattern, a serial the pattern does not match) point where the client sent them:
 * v2 and v1 top-level keys at the top, v1 {@code unit_under_test} inside it.
 */
public record UnitPaths(List<Object> serialNumber, List<Object> partNumber) {

    static final UnitPaths TOP_LEVEL = new UnitPaths(List.of("serial_number"), List.of("part_number"));
    static final UnitPaths UNIT_UNDER_TEST =
            new UnitPaths(List.of("unit_under_test", "serial_number"), List.of("unit_under_test", "part_number"));
}
