package dev.runline.gateway.provision.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrentStationTest {

    @Test
    void organizationSlugIsItsNameInLowerCaseWords() {
        assertThat(CurrentStation.slug("Acme Robotics GmbH")).isEqualTo("acme-robotics-gmbh");
        assertThat(CurrentStation.slug("  R&D / Line 2 ")).isEqualTo("r-d-line-2");
        assertThat(CurrentStation.slug("日本")).isEqualTo("organization");
    }
}
