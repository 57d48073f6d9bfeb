package org.opennps;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersPublicApis() {
        ApplicationModules.of(OpenNpsApplication.class).verify();
    }
}
