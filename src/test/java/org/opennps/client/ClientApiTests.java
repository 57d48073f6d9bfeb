package org.opennps.client;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The public client API of widget and apps; run on H2 and on PostgreSQL by the subclasses. */
abstract class ClientApiTests extends ApiTestBase {

    String base;

    @BeforeEach
    void allowShopOrigin() throws Exception {
        base = "/api/v1/client/" + workspace.workspace().publicKey();
        patchJson("/api/v1/workspace", json("{'settings':{'allowed_origins':['https://shop.example']}}"))
                .andExpect(status().isOk());
    }

    ResultActions client(String path, String body, String origin) throws Exception {
        var request = post(base + path).contentType(MediaType.APPLICATION_JSON).content(body);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return mvc.perform(request);
    }

    ResultActions putJson(String path, String body) throws Exception {
        return mvc.perform(put(path)
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void identifySetsAttributesButNeverContactDetails() throws Exception {
        putJson("/api/v1/workspace/client-settings", json("{'writable_attributes':['plan']}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.writable_attributes[0]").value("plan"));
        client(
                        "/identify",
                        json("{'external_id':'c-7','email':'victim@x.com','attributes':{'plan':'pro'}}"),
                        "https://shop.example")
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://shop.example"));
        getJson("/api/v1/contacts?external_id=c-7")
                .andExpect(jsonPath("$.items[0].attributes.plan").value("pro"))
                .andExpect(jsonPath("$.items[0].email", nullValue()));
    }

    @Test
    void identifySetsOnlyClientWritableAttributesAndNeverOverwritesTheServer() throws Exception {
        client("/identify", json("{'external_id':'c-8','attributes':{'plan':'free'}}"), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.plan"));
        putJson("/api/v1/workspace/client-settings", json("{'writable_attributes':['plan','colour']}"))
                .andExpect(status().isOk());
        putJson(
                        "/api/v1/workspace/client-settings",
                        json("{'writable_attributes':['ok','delighted_email_subject','email']}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("writable_attributes[1]"))
                .andExpect(jsonPath("$.errors[1].field").value("writable_attributes[2]"));
        client("/identify", json("{'external_id':'c-8','attributes':{'delighted_email_subject':'You won'}}"), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.delighted_email_subject"));

        postJson("/api/v1/contacts", json("{'external_id':'c-8','attributes':{'plan':'enterprise'}}"));
        client("/identify", json("{'external_id':'c-8','attributes':{'plan':'free'}}"), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.plan"));
        client("/identify", json("{'external_id':'c-8','attributes':{'plan':null}}"), null)
                .andExpect(status().isUnprocessableContent());
        client("/identify", json("{'external_id':'c-8','attributes':{'colour':'red'}}"), null)
                .andExpect(status().isOk());
        client("/identify", json("{'external_id':'c-8','attributes':{'colour':'blue'}}"), null)
                .andExpect(status().isOk());
        getJson("/api/v1/contacts?external_id=c-8")
                .andExpect(jsonPath("$.items[0].attributes.plan").value("enterprise"))
                .andExpect(jsonPath("$.items[0].attributes.colour").value("blue"));

        postJson("/api/v1/contacts", json("{'external_id':'c-8','attributes':{'colour':'green'}}"));
        client("/identify", json("{'external_id':'c-8','attributes':{'colour':'pink'}}"), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.colour"));
    }

    @Test
    void eventsOfAnAnonymousVisitorGoToTheirOwnContact() throws Exception {
        client(
                        "/events",
                        json("{'anonymous_id':'a1b2c3d4e5','events':[{'type':'page.view','properties':{'url':'/cart'},"
                                + "'contact':{'external_id':'someone-else','email':'x@x.com'}}]}"),
                        null)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1));
        getJson("/api/v1/contacts?external_id=anon:a1b2c3d4e5")
                .andExpect(jsonPath("$.total").value(1));
        getJson("/api/v1/contacts?external_id=someone-else")
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void visitorMustBeNamedAndEventsValidated() throws Exception {
        client("/events", json("{'type':'page.view'}"), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("anonymous_id"));
        client("/events", json("{'external_id':'c-1','type':'bad type'}"), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    @Test
    void unknownKeyAndForeignOriginAreRefused() throws Exception {
        mvc.perform(post("/api/v1/client/pk_unknown/identify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // Refused, with the reason readable by the page so the widget can name the origin to add.
        client("/identify", json("{'external_id':'c-1'}"), "https://evil.example")
                .andExpect(status().isForbidden())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://evil.example"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("allowed_origins")));
        mvc.perform(options(base + "/events")
                        .header("Origin", "https://shop.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://shop.example"));
    }

    @Test
    void tooManyRequestsFromOneAddressAreLimited() throws Exception {
        for (int i = 0; i < 40; i++) {
            client("/identify", json("{'external_id':'c-1'}"), null).andExpect(status().isOk());
        }
        client("/identify", json("{'external_id':'c-1'}"), null)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        clock.advance(java.time.Duration.ofMinutes(1));
        client("/identify", json("{'external_id':'c-1'}"), null).andExpect(status().isOk());
    }

    @Test
    void serverKeyIsNotNeededButPublicKeyCannotReachServerApi() throws Exception {
        mvc.perform(post("/api/v1/events")
                        .header(
                                "Authorization",
                                "Bearer " + workspace.workspace().publicKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }
}
