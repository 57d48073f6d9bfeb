package org.opennps.contact;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.CreatedWorkspace;

/** The contacts API; run on H2 and on PostgreSQL by the subclasses. */
abstract class ContactApiTests extends ApiTestBase {

    private static final String ANN = json(
            "{'external_id':'c-1','email':'Ann@X.com','phone':null,'name':'Ann','locale':'en',"
                    + "'time_zone':'Europe/Warsaw','attributes':{'city':'Warsaw','business_profile':'b2c','orders':3}}");

    @Test
    void newContactIsCreatedThenUpdatedByExternalId() throws Exception {
        String id = JsonPath.read(
                postJson("/api/v1/contacts", ANN)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.email").value("ann@x.com"))
                        .andExpect(jsonPath("$.attributes.orders").value(3))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        postJson("/api/v1/contacts", json("{'external_id':'c-1','attributes':{'city':'Krakow','orders':null}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("Ann"))
                .andExpect(jsonPath("$.attributes.city").value("Krakow"))
                .andExpect(jsonPath("$.attributes.business_profile").value("b2c"))
                .andExpect(jsonPath("$.attributes.orders").doesNotExist());

        getJson("/api/v1/contacts/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attributes.city").value("Krakow"));
    }

    @Test
    void contactWithoutExternalIdIsMatchedByEmail() throws Exception {
        postJson("/api/v1/contacts", json("{'email':'bob@x.com','name':'Bob'}")).andExpect(status().isCreated());
        postJson("/api/v1/contacts", json("{'email':'BOB@x.com','external_id':'c-9'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.external_id").value("c-9"))
                .andExpect(jsonPath("$.name").value("Bob"));
        getJson("/api/v1/contacts?external_id=c-9")
                .andExpect(jsonPath("$.items[0].email").value("bob@x.com"));
        getJson("/api/v1/contacts?email=bob@x.com")
                .andExpect(jsonPath("$.total").value(1));
        getJson("/api/v1/contacts?email=nobody@x.com")
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void emailOfAnotherContactIsAConflictField() throws Exception {
        postJson("/api/v1/contacts", json("{'external_id':'a','email':'a@x.com'}"))
                .andExpect(status().isCreated());
        postJson("/api/v1/contacts", json("{'external_id':'b','email':'a@x.com'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        getJson("/api/v1/contacts?external_id=b").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() throws Exception {
        postJson(
                        "/api/v1/contacts",
                        json("{'external_id':'x-1','email':'not-an-email','time_zone':'Mars/Base','locale':'???',"
                                + "'name':'A\\u0007B','attributes':{'city':{'nested':1}}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("time_zone")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("locale")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("attributes.city")));
        postJson("/api/v1/contacts", json("{'external_id':'" + "x".repeat(201) + "'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("external_id"));
        postJson("/api/v1/contacts", json("{'name':'Nobody'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("external_id"));
        postJson("/api/v1/contacts", json("{'external_id':5}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("must be a string"));
        getJson("/api/v1/contacts?external_id=x-1")
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anotherWorkspaceCannotSeeTheContact() throws Exception {
        String id = JsonPath.read(
                postJson("/api/v1/contacts", ANN).andReturn().getResponse().getContentAsString(), "$.id");
        CreatedWorkspace other = testWorkspaces.create();
        mvc.perform(get("/api/v1/contacts/" + id)
                        .header("Authorization", "Bearer " + other.apiKey().key()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/contacts?external_id=c-1")
                        .header("Authorization", "Bearer " + other.apiKey().key()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void erasedContactIsGoneWithItsEvents() throws Exception {
        String id = JsonPath.read(
                postJson("/api/v1/contacts", ANN).andReturn().getResponse().getContentAsString(), "$.id");
        postJson("/api/v1/events", json("{'id':'e-1','type':'order.placed','contact':{'external_id':'c-1'}}"))
                .andExpect(status().isAccepted());
        deleteJson("/api/v1/contacts/" + id).andExpect(status().isNoContent());
        getJson("/api/v1/contacts/" + id).andExpect(status().isNotFound());
        deleteJson("/api/v1/contacts/" + id).andExpect(status().isNotFound());
        // The event log forgot the person too: the same event id is new again.
        postJson("/api/v1/events", json("{'id':'e-1','type':'order.placed','contact':{'external_id':'c-1'}}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    @Test
    void listingIsPagedAndSearchable() throws Exception {
        for (int i = 0; i < 3; i++) {
            postJson("/api/v1/contacts", json("{'external_id':'p-" + i + "','name':'Person " + i + "'}"));
        }
        getJson("/api/v1/contacts?size=2&page=2")
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.total").value(3));
        getJson("/api/v1/contacts?q=person 1")
                .andExpect(jsonPath("$.items[0].external_id").value("p-1"));
        getJson("/api/v1/contacts?size=9999")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        getJson("/api/v1/contacts/not-a-uuid").andExpect(status().isBadRequest());
        getJson("/api/v1/contacts?external_id=p-0").andExpect(jsonPath("$.items[0].phone", nullValue()));
        getJson("/api/v1/contacts?external_id=p-0").andExpect(header().doesNotExist("Set-Cookie"));
    }
}
