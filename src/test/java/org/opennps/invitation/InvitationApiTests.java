package org.opennps.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** Invitations and their links; run on H2 and on PostgreSQL by the subclasses. */
abstract class InvitationApiTests extends ApiTestBase {

    @Autowired
    InvitationService invitations;

    String surveyId;

    @BeforeEach
    void survey() throws Exception {
        surveyId = JsonPath.read(
                postJson(
                                "/api/v1/surveys",
                                json("{'name':'S','questions':[{'id':'nps','type':'nps','text':'Score?'}]}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    String link(String contact) throws Exception {
        return postJson("/api/v1/invitations", json("{'survey_id':'" + surveyId + "','contact':" + contact + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anInvitationWhoseEmailIsParkedWithAnUnknownOutcomeIsShownAsUnknown() throws Exception {
        UUID ws = workspace.workspace().id();
        String contact = postJson("/api/v1/contacts", json("{'external_id':'parked','email':'parked@x.com'}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID contactId = UUID.fromString(JsonPath.read(contact, "$.id"));
        Invitation invitation = invitations.issue(new IssueInvitation(
                ws, UUID.fromString(surveyId), contactId, Channel.EMAIL, null, null, java.util.Map.of()));
        getJson("/api/v1/invitations/" + invitation.id())
                .andExpect(jsonPath("$.status").value("scheduled"));
        // As the outbox leaves it when a node died mid-send and resend-unknown is false.
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("insert into outgoing_email (id, workspace_id, reference, kind, from_address, to_address, subject,"
                        + " text_body, headers, status, attempts, next_attempt_at, created_at)"
                        + " values (?, ?, ?, 'survey', 'a@x.com', 'parked@x.com', 'S', 't', '{}', 'unknown', 1, ?, ?)")
                .params(UUID.randomUUID(), ws, InvitationService.outboxReference(invitation.id()), now, now)
                .update();
        getJson("/api/v1/invitations/" + invitation.id())
                .andExpect(jsonPath("$.status").value("unknown"))
                .andExpect(jsonPath("$.reason").isNotEmpty());
        getJson("/api/v1/invitations?contact_id=" + contactId)
                .andExpect(jsonPath("$.items[0].status").value("unknown"));
    }

    @Test
    void personalLinkIsSentWithAnUnguessableUrl() throws Exception {
        String body = link(json("{'external_id':'c-1','email':'ann@x.com'}"));
        String url = JsonPath.read(body, "$.url");
        String contactId = JsonPath.read(body, "$.contact_id");
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("sent");
        assertThat(JsonPath.<String>read(body, "$.channel")).isEqualTo("link");
        String token = url.substring(url.indexOf("/s/") + 3);
        assertThat(token).hasSizeGreaterThanOrEqualTo(40).doesNotContain("=");
        getJson("/api/v1/invitations?contact_id=" + contactId)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].url").value(url));
        assertThat(invitations.findByToken(token)).isPresent();
        assertThat(invitations.lastInvitedAt(workspace.workspace().id(), UUID.fromString(contactId)))
                .isPresent();
    }

    @Test
    void tamperedOrUnknownTokenFindsNothing() throws Exception {
        String url = JsonPath.read(link(json("{'external_id':'c-1'}")), "$.url");
        String token = url.substring(url.indexOf("/s/") + 3);
        char last = token.charAt(token.length() - 2);
        String tampered =
                token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(invitations.findByToken(tampered)).isEmpty();
        assertThat(invitations.findByToken("nonsense")).isEmpty();
        assertThat(invitations.findByToken(token.substring(1))).isEmpty();
    }

    @Test
    void invitationExpiresWithTheWorkspaceWindow() throws Exception {
        patchJson("/api/v1/workspace", json("{'settings':{'invitation_expiry':'P7D'}}"));
        String body = link(json("{'external_id':'c-2'}"));
        String id = JsonPath.read(body, "$.id");
        clock.advance(Duration.ofDays(8));
        getJson("/api/v1/invitations?status=expired")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        getJson("/api/v1/invitations?status=sent").andExpect(jsonPath("$.total").value(0));
        getJson("/api/v1/invitations?status=bogus")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must be one of scheduled, sent, opened, responded, expired, suppressed, failed"));
    }

    @Test
    void unsubscribedPersonIsSuppressedAndDoesNotCountAsInvited() throws Exception {
        String contactId = JsonPath.read(
                postJson("/api/v1/contacts", json("{'external_id':'gone'}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        contactService.unsubscribe(workspace.workspace().id(), UUID.fromString(contactId));
        String body = link(json("{'external_id':'gone'}"));
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("suppressed");
        assertThat(JsonPath.<String>read(body, "$.reason")).isEqualTo("unsubscribed");
        assertThat(JsonPath.<Object>read(body, "$.url")).isNull();
        assertThat(invitations.lastInvitedAt(workspace.workspace().id(), UUID.fromString(contactId)))
                .isEmpty();
    }

    @Test
    void campaignInvitationMovesThroughItsStates() {
        UUID ws = workspace.workspace().id();
        UUID contact = contactService
                .upsert(ws, new org.opennps.contact.ContactInput("c-9", null, null, null, null, null, null))
                .contact()
                .id();
        UUID campaign = UUID.randomUUID();
        Invitation issued = invitations.issue(new IssueInvitation(
                ws, UUID.fromString(surveyId), contact, Channel.EMAIL, campaign, null, Map.of("order_id", "o-1")));
        assertThat(issued.status()).isEqualTo(InvitationStatus.SCHEDULED);
        assertThat(invitations.lastInvitedAt(ws, contact)).isEmpty();
        assertThat(invitations.scoreUrl(issued, 8)).contains("/s/").endsWith("?score=8");
        assertThat(invitations.unsubscribeUrl(issued)).endsWith("/unsubscribe");
        invitations.markSent(ws, issued.id());
        assertThat(invitations.get(ws, issued.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(invitations.lastInvitedAt(ws, contact)).isPresent();
        assertThat(invitations.eventProperties(ws, issued.id())).containsEntry("order_id", "o-1");
        Invitation failed = invitations.issue(
                new IssueInvitation(ws, UUID.fromString(surveyId), contact, Channel.EMAIL, campaign, null, Map.of()));
        invitations.markFailed(ws, failed.id(), "SMTP said no");
        assertThat(invitations.get(ws, failed.id()).reason()).isEqualTo("SMTP said no");
    }

    @Autowired
    org.opennps.support.SqlStatements statements;

    @Test
    void theLastInvitationsOfABatchOfContactsAreLookedUpByBothColumnsOfTheContactIndex() {
        UUID ws = workspace.workspace().id();
        java.util.List<UUID> people = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> contactService
                        .upsert(
                                ws,
                                new org.opennps.contact.ContactInput("batch-" + i, null, null, null, null, null, null))
                        .contact()
                        .id())
                .toList();
        UUID campaign = UUID.randomUUID();
        Invitation sent = invitations.issue(new IssueInvitation(
                ws, UUID.fromString(surveyId), people.get(0), Channel.EMAIL, campaign, null, Map.of()));
        invitations.markSent(ws, sent.id());
        invitations.issue(new IssueInvitation(
                ws, UUID.fromString(surveyId), people.get(1), Channel.EMAIL, campaign, null, Map.of()));

        org.opennps.support.SqlStatements.Statement lookUp;
        try (var recording = statements.record()) {
            Map<UUID, java.time.Instant> latest = invitations.lastInvitedAt(ws, people);
            // only a shown invitation counts; one still scheduled does not, nor does a contact never invited
            assertThat(latest).containsOnlyKeys(people.get(0));
            assertThat(recording.countOnThisThread()).isEqualTo(1);
            lookUp = recording.statements().stream()
                    .filter(org.opennps.support.SqlStatements.Statement::sameThread)
                    .toList()
                    .getLast();
        }
        if (postgres()) {
            // PostgreSQL plans a test-sized table as it likes (merge join, bitmap scan); the plan
            // at size is measured in docs/benchmarks.md
            return;
        }
        // H2 looks each contact up by workspace and contact, not every invitation of the
        // workspace (with statistics: without them, on a table this small, every index costs
        // alike). The workspace gets 500 more invitations of other people first, so the plan does
        // not depend on how many the tests before this one left: with a handful, reading the
        // workspace's invitations first is as cheap and H2 may choose it.
        jdbc.sql("insert into invitation (id, workspace_id, survey_id, contact_id, channel, status,"
                        + " event_properties, created_at, expires_at)"
                        + " select random_uuid(), workspace_id, survey_id, random_uuid(), channel, status,"
                        + " event_properties, created_at, expires_at"
                        + " from invitation cross join system_range(1, 500) where id = ?")
                .param(sent.id())
                .update();
        jdbc.sql("analyze table invitation").update();
        String plan = String.join(
                "\n",
                jdbc.sql("explain " + lookUp.sql())
                        .params(lookUp.parameters())
                        .query(String.class)
                        .list());
        String flat = plan.replace("\"", "").replaceAll("\\s+", " ");
        assertThat(flat).as(plan).containsPattern("invitation_contact: workspace_id = \\?\\d+ AND contact_id = c\\.id");
    }

    private boolean postgres() {
        return jdbc.sql("select 1")
                .query((rs, n) ->
                        rs.getStatement().getConnection().getMetaData().getDatabaseProductName())
                .single()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
    }

    @Autowired
    org.opennps.contact.ContactService contactService;
}
