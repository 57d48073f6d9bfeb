package org.opennps.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opennps.workspace.CreatedWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Base of API tests: a fresh workspace per test and short-hands for authenticated calls. */
public abstract class ApiTestBase {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TestWorkspaces testWorkspaces;

    /** Settles what runs in the background, so a test can show that nothing more happens. */
    @Autowired
    protected BackgroundWork background;

    protected CreatedWorkspace workspace;
    protected String key;

    @BeforeEach
    void freshWorkspace() {
        workspace = testWorkspaces.create();
        key = workspace.apiKey().key();
    }

    /**
     * Back to the real time, without this test's pending steps: left behind, they would fire in
     * a later test that moves the clock past them (or right away, at the real time).
     */
    @AfterEach
    void realTime() {
        background.forgetPendingExecutions();
        clock.reset();
    }

    protected ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    protected ResultActions patchJson(String path, String json) throws Exception {
        return mvc.perform(patch(path)
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    protected ResultActions getJson(String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + key));
    }

    protected ResultActions deleteJson(String path) throws Exception {
        return mvc.perform(delete(path).header("Authorization", "Bearer " + key));
    }

    /** Single quotes to double quotes, so JSON reads well inside Java strings. */
    protected static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
