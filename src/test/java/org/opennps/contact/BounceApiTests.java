package org.opennps.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.campaign.FatiguePolicy;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** Bounce and complaint notifications from e-mail providers: {@code POST/GET /api/v1/bounces}. */
abstract class BounceApiTests extends ApiTestBase {

    @Autowired
    ContactService contacts;

    @Autowired
    FatiguePolicy fatigue;

    @Test
    void aHardBounceSuppressesTheAddressAndIsListed() throws Exception {
        String email = unique("hard");
        String id = contact(email);

        postJson(
                        "/api/v1/bounces",
                        json("{'email':'" + email.toUpperCase() + "','type':'hard_bounce',"
                                + "'occurred_at':'2026-11-20T08:00:00Z'}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.contact_id").value(id));

        getJson("/api/v1/contacts/" + id).andExpect(jsonPath("$.bounced_at").isNotEmpty());
        getJson("/api/v1/bounces")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].email").value(email))
                .andExpect(jsonPath("$.items[0].type").value("hard_bounce"))
                .andExpect(jsonPath("$.items[0].source").value("api"))
                .andExpect(jsonPath("$.items[0].occurred_at").value("2026-11-20T08:00:00Z"));
        Contact bounced = contacts.get(workspace.workspace().id(), UUID.fromString(id));
        assertThat(fatigue.mayInvite(workspace.workspace().id(), bounced, UUID.randomUUID(), 100, null)
                        .reason())
                .isEqualTo("bounced");
    }

    @Test
    void aComplaintUnsubscribesAndASoftBounceOnlyRecords() throws Exception {
        String complaining = unique("spam");
        String soft = unique("soft");
        String complainingId = contact(complaining);
        String softId = contact(soft);

        postJson("/api/v1/bounces", json("{'email':'" + complaining + "','type':'complaint'}"))
                .andExpect(status().isAccepted());
        postJson("/api/v1/bounces", json("{'email':'" + soft + "','type':'soft_bounce'}"))
                .andExpect(status().isAccepted());

        getJson("/api/v1/contacts/" + complainingId)
                .andExpect(jsonPath("$.unsubscribed_at").isNotEmpty())
                .andExpect(jsonPath("$.bounced_at", org.hamcrest.Matchers.nullValue()));
        getJson("/api/v1/contacts/" + softId)
                .andExpect(jsonPath("$.unsubscribed_at", org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.bounced_at", org.hamcrest.Matchers.nullValue()));
        Contact out = contacts.get(workspace.workspace().id(), UUID.fromString(complainingId));
        assertThat(fatigue.mayInvite(workspace.workspace().id(), out, UUID.randomUUID(), 100, null)
                        .reason())
                .isEqualTo("unsubscribed");
        getJson("/api/v1/bounces?type=soft_bounce")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].email").value(soft));
    }

    @Test
    void badInputNamesTheFieldAndOtherWorkspacesSeeNothing() throws Exception {
        postJson("/api/v1/bounces", json("{'email':'not-an-address','type':'hard_bounce'}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        postJson("/api/v1/bounces", json("{'email':'" + unique("x") + "','type':'bounce'}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        getJson("/api/v1/bounces?type=nope").andExpect(status().isUnprocessableEntity());

        postJson("/api/v1/bounces", json("{'email':'" + unique("mine") + "','type':'hard_bounce'}"))
                .andExpect(status().isAccepted());
        String otherKey = testWorkspaces.create().apiKey().key();
        mvc.perform(get("/api/v1/bounces").header("Authorization", "Bearer " + otherKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    private String contact(String email) throws Exception {
        return JsonPath.read(
                postJson("/api/v1/contacts", json("{'email':'" + email + "'}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
