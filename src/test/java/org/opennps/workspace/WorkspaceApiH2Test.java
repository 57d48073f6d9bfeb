package org.opennps.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opennps.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;

@OnH2
class WorkspaceApiH2Test extends WorkspaceApiTests {

    @Autowired
    WorkspaceService workspaces;

    /** The H2 test database starts empty, so the first start created the bootstrap workspace. */
    @Test
    void firstStartCreatedDefaultWorkspaceWithTheConfiguredKey() throws Exception {
        assertThat(workspaces.findBySlug("default")).isPresent();
        mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer bootstrap-key-for-tests-0001"))
                .andExpect(status().isOk());
    }
}
