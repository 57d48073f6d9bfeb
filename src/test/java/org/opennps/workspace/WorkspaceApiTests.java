package org.opennps.workspace;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;

/** Workspace settings and API keys; run on H2 and on PostgreSQL by the subclasses. */
abstract class WorkspaceApiTests extends ApiTestBase {

    @Test
    void workspaceShowsItsPublicKeyAndDefaults() throws Exception {
        getJson("/api/v1/workspace")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(workspace.workspace().id().toString()))
                .andExpect(jsonPath("$.public_key").value(workspace.workspace().publicKey()))
                .andExpect(jsonPath("$.time_zone").value("Europe/Warsaw"))
                .andExpect(jsonPath("$.settings.recontact_after_response").value("P90D"))
                .andExpect(jsonPath("$.settings.one_click_confirmation").value(true));
    }

    @Test
    void settingsChangeOnlyWhereSent() throws Exception {
        patchJson(
                        "/api/v1/workspace",
                        json("{'time_zone':'America/New_York','settings':{'recontact_after_response':'P60D',"
                                + "'allowed_origins':['https://shop.example'],'one_click_confirmation':false}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.time_zone").value("America/New_York"))
                .andExpect(jsonPath("$.settings.recontact_after_response").value("P60D"))
                .andExpect(jsonPath("$.settings.recontact_after_invitation").value("P30D"))
                .andExpect(jsonPath("$.settings.allowed_origins[0]").value("https://shop.example"));
        getJson("/api/v1/workspace")
                .andExpect(jsonPath("$.settings.one_click_confirmation").value(false));
    }

    @Test
    void invalidSettingsAreRefusedWhole() throws Exception {
        patchJson(
                        "/api/v1/workspace",
                        json(
                                "{'name':'Renamed','settings':{'recontact_after_response':'ninety days','brand_color':'red',"
                                        + "'allowed_origins':['javascript:alert(1)']}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(3));
        getJson("/api/v1/workspace")
                .andExpect(jsonPath("$.name").value(workspace.workspace().name()));
    }

    @Test
    void newKeyIsShownOnceAndRevokedKeyStopsWorking() throws Exception {
        String body = postJson("/api/v1/api-keys", json("{'name':'shop backend'}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String newKey = JsonPath.read(body, "$.key");
        String id = JsonPath.read(body, "$.info.id");
        mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer " + newKey))
                .andExpect(status().isOk());
        getJson("/api/v1/api-keys")
                .andExpect(jsonPath("$.api_keys.length()").value(2))
                .andExpect(jsonPath("$.api_keys[1].key").doesNotExist());
        deleteJson("/api/v1/api-keys/" + id).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/workspace").header("Authorization", "Bearer " + newKey))
                .andExpect(status().isUnauthorized());
    }
}
