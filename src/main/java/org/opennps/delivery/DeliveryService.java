package org.opennps.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.PageResult;
import org.opennps.workspace.RespondentTexts;
import org.opennps.workspace.Wording;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry point of the delivery module. Queueing writes to the outbox in the caller's
 * transaction, so an e-mail exists exactly when the decision to send it was committed; the
 * poller of some node sends it afterwards.
 */
@Service
public class DeliveryService {

    /** Key of the wordings read in the current transaction. */
    private static final Object WORDINGS = new Object();

    private final EmailOutbox outbox;
    private final EmailDispatcher dispatcher;
    private final WebhookOutbox webhooks;
    private final WebhookDispatcher webhookDispatcher;
    private final JsonMapper json;
    private final DevMailbox mailbox;
    private final WorkspaceService workspaces;
    private final MailProperties mail;
    private final Clock clock;
    private final RespondentTexts texts;

    DeliveryService(
            EmailOutbox outbox,
            EmailDispatcher dispatcher,
            WebhookOutbox webhooks,
            WebhookDispatcher webhookDispatcher,
            JsonMapper json,
            DevMailbox mailbox,
            WorkspaceService workspaces,
            MailProperties mail,
            Clock clock,
            RespondentTexts texts) {
        this.texts = texts;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.webhooks = webhooks;
        this.webhookDispatcher = webhookDispatcher;
        this.json = json;
        this.mailbox = mailbox;
        this.workspaces = workspaces;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Queues an e-mail from the workspace's sender; returns its id. A second call with the same
     * reference returns the first e-mail's id and queues nothing.
     */
    @Transactional
    public UUID queue(EmailRequest email) {
        return queue(email, workspaces.get(email.workspaceId()));
    }

    /** {@link #queue(EmailRequest)} from a workspace the caller has at hand (read once for a batch). */
    @Transactional
    public UUID queue(EmailRequest email, Workspace ws) {
        String from = ws.settings().senderEmail() != null ? ws.settings().senderEmail() : mail.from();
        String name = ws.settings().senderName() != null ? ws.settings().senderName() : ws.name();
        UUID id = org.opennps.shared.RandomIds.next();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (outbox.insert(id, email, from, name, now)) {
            return id;
        }
        return outbox.rows().idOf(email.workspaceId(), email.reference()).orElseThrow();
    }

    /** Renders a survey invitation in the workspace's brand colour and queues it. */
    @Transactional
    public UUID queueSurvey(SurveyEmail survey) {
        return queueSurvey(survey, workspaces.get(survey.workspaceId()));
    }

    /**
     * {@link #queueSurvey(SurveyEmail)} in a workspace the caller has at hand (read once for a
     * batch), in the caller's transaction, which must be open: a batch of journeys queues one
     * e-mail per journey, and opening and joining a transaction for each cost more than the write.
     */
    public UUID queueSurvey(SurveyEmail survey, Workspace ws) {
        org.opennps.shared.BatchedWrites.requireTransaction("queueing a survey e-mail of a batch");
        Wording wording = wording(ws.id(), survey.locale());
        EmailRenderer.Parts parts = EmailRenderer.survey(survey, sender(ws), wording);
        String subject = survey.subject() == null || survey.subject().isBlank()
                ? wording.named("email.subject", ws.displayName())
                : survey.subject();
        return queue(
                new EmailRequest(
                        survey.workspaceId(),
                        survey.reference(),
                        "survey",
                        survey.to(),
                        subject,
                        parts.text(),
                        parts.html(),
                        unsubscribeHeaders(survey.unsubscribeUrl())),
                ws);
    }

    /**
     * The workspace's wording in a locale, read once per transaction: a batch of journeys queues
     * its e-mails in one transaction, and every one of them would otherwise read the same texts.
     */
    private Wording wording(UUID workspaceId, String locale) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return texts.wording(workspaceId, locale);
        }
        @SuppressWarnings("unchecked")
        Map<String, Wording> read = (Map<String, Wording>) TransactionSynchronizationManager.getResource(WORDINGS);
        if (read == null) {
            Map<String, Wording> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(WORDINGS, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WORDINGS);
                }
            });
            read = fresh;
        }
        return read.computeIfAbsent(workspaceId + " " + locale, key -> texts.wording(workspaceId, locale));
    }

    /** Queues a plain e-mail with no survey ("You asked, we changed X"). */
    @Transactional
    public UUID queueMessage(
            UUID workspaceId,
            String reference,
            String to,
            String subject,
            String body,
            String locale,
            String unsubscribeUrl) {
        return queueMessage(workspaces.get(workspaceId), reference, to, subject, body, locale, unsubscribeUrl);
    }

    /** {@link #queueMessage(UUID, String, String, String, String, String, String)} in a workspace at hand. */
    @Transactional
    public UUID queueMessage(
            Workspace ws,
            String reference,
            String to,
            String subject,
            String body,
            String locale,
            String unsubscribeUrl) {
        UUID workspaceId = ws.id();
        EmailRenderer.Parts parts =
                EmailRenderer.message(body, locale, sender(ws), texts.wording(workspaceId, locale), unsubscribeUrl);
        return queue(
                new EmailRequest(
                        workspaceId,
                        reference,
                        "message",
                        to,
                        subject,
                        parts.text(),
                        parts.html(),
                        unsubscribeUrl == null ? Map.of() : unsubscribeHeaders(unsubscribeUrl)),
                ws);
    }

    /** Queues a signed JSON post; returns its id (the first one's for a repeated reference). */
    @Transactional
    public UUID queueWebhook(WebhookRequest webhook) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("event", webhook.event());
        body.put("created_at", now.toString());
        body.put("data", webhook.data());
        Map<String, Object> posted = webhook.body() != null ? webhook.body() : body;
        if (webhooks.insert(id, webhook, json.writeValueAsString(posted), now)) {
            return id;
        }
        return webhooks.rows().idOf(webhook.workspaceId(), webhook.reference()).orElseThrow();
    }

    /**
     * Queues a plain JSON post {@code {"text": …}} for a Slack-style incoming webhook, which
     * takes no signature; retried like every webhook.
     */
    @Transactional
    public UUID queueSlack(UUID workspaceId, String reference, String url, String text) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WebhookRequest post = new WebhookRequest(workspaceId, reference, url, null, "slack.message", Map.of());
        if (webhooks.insert(id, post, json.writeValueAsString(Map.of("text", text)), now)) {
            return id;
        }
        return webhooks.rows().idOf(workspaceId, reference).orElseThrow();
    }

    /**
     * Cancels the webhook posts still waiting (first try or retry) whose reference starts with
     * {@code prefix}: their status becomes {@code cancelled} and they are never sent. A post
     * being sent at this moment finishes.
     */
    @Transactional
    public int cancelWebhooks(UUID workspaceId, String prefix) {
        return webhooks.cancelQueued(workspaceId, prefix);
    }

    /**
     * Cancels the e-mails and webhook posts queued under these references that still wait for
     * their first try or a retry: status {@code cancelled} with {@code reason}, never sent. One
     * being sent at this moment finishes; should its node stop before recording it, the
     * {@link OutboxWithdrawals} of the module that queued it are asked again before any retry.
     * Returns how many were cancelled.
     */
    @Transactional
    public int cancelQueued(UUID workspaceId, Collection<String> references, String reason) {
        return outbox.rows().cancelQueued(workspaceId, references, reason)
                + webhooks.rows().cancelQueued(workspaceId, references, reason);
    }

    /** The delivery log of the webhook posts whose reference starts with {@code prefix}. */
    public PageResult<WebhookAttempt> webhookLog(UUID workspaceId, String prefix, PageResult.Request page) {
        return webhooks.log(workspaceId, prefix, page);
    }

    /** Sends the e-mails and webhooks due now; the poller calls this, and so may tests and tools. */
    public DispatchResult dispatchDue() {
        return dispatcher.dispatchDue().plus(webhookDispatcher.dispatchDue());
    }

    /** {@code queued}, {@code sending}, {@code sent} or {@code failed}. */
    public Optional<String> webhookStatus(UUID workspaceId, UUID webhookId) {
        return webhooks.rows().status(workspaceId, webhookId);
    }

    /** {@code queued}, {@code sending}, {@code sent}, {@code failed}, {@code unknown} or {@code cancelled}. */
    public Optional<String> status(UUID workspaceId, UUID emailId) {
        return outbox.rows().status(workspaceId, emailId);
    }

    public PageResult<MailboxEntry> mailbox(UUID workspaceId, String to, PageResult.Request page) {
        return mailbox.list(workspaceId, to, page);
    }

    private static EmailRenderer.Sender sender(Workspace ws) {
        return new EmailRenderer.Sender(
                ws.displayName(), ws.settings().logoUrl(), ws.settings().brandColor());
    }

    /** RFC 2369 link plus RFC 8058 one-click, which large mailbox providers ask bulk senders for. */
    private static Map<String, String> unsubscribeHeaders(String url) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + url + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }
}
