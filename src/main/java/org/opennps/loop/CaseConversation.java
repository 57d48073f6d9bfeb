package org.opennps.loop;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.delivery.DeliveryService;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing the loop with the customer from the case: a reply goes out by e-mail through the
 * outbox, in the customer's language layout, and is kept on the case with any answer an agent
 * logs, so the case shows the whole thread.
 */
@Service
public class CaseConversation {

    private final CaseService cases;
    private final CaseMessages messages;
    private final ContactService contacts;
    private final DeliveryService delivery;
    private final Clock clock;

    CaseConversation(
            CaseService cases, CaseMessages messages, ContactService contacts, DeliveryService delivery, Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.contacts = contacts;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Sends a reply to the case's customer; errors name the field ({@code subject}, {@code body}). */
    @Transactional
    public CaseMessage reply(UUID workspaceId, UUID caseId, String author, String subject, String body) {
        FeedbackCase c = cases.get(workspaceId, caseId);
        Contact contact = c.contactId() == null
                ? null
                : contacts.find(workspaceId, c.contactId()).orElse(null);
        if (contact == null || contact.email() == null) {
            throw new InvalidInputException("body", "this customer has no e-mail address to reply to");
        }
        if (contact.unsubscribedAt() != null || contact.bouncedAt() != null) {
            throw new InvalidInputException("body", "this customer's address is unsubscribed or bounced");
        }
        String s = checked("subject", subject, 300, false);
        String text = checked("body", body, 10000, true);
        UUID id = UUID.randomUUID();
        UUID emailId = delivery.queueMessage(
                workspaceId, "case-reply:" + id, contact.email(), s, text, contact.locale(), null);
        CaseMessage message = new CaseMessage(id, caseId, CaseMessage.OUT, author, s, text, emailId, now());
        messages.insert(workspaceId, message);
        if (c.status() == CaseStatus.OPEN) {
            cases.change(workspaceId, caseId, CaseChange.status(CaseStatus.IN_PROGRESS), author);
        }
        return message;
    }

    /** Logs the customer's answer (by e-mail, phone or chat) on the case. */
    @Transactional
    public CaseMessage logAnswer(UUID workspaceId, UUID caseId, String author, String body) {
        cases.get(workspaceId, caseId);
        String text = checked("body", body, 10000, true);
        CaseMessage message =
                new CaseMessage(UUID.randomUUID(), caseId, CaseMessage.IN, author, null, text, null, now());
        messages.insert(workspaceId, message);
        return message;
    }

    public List<CaseMessage> thread(UUID workspaceId, UUID caseId) {
        cases.get(workspaceId, caseId);
        return messages.ofCase(workspaceId, caseId);
    }

    /** The replies and answers on a contact's cases, newest first. */
    public List<CaseMessage> ofContact(UUID workspaceId, UUID contactId) {
        return messages.ofContact(workspaceId, contactId);
    }

    /** The status of a reply's e-mail: queued, sending, sent or failed. */
    public String deliveryStatus(UUID workspaceId, CaseMessage message) {
        return message.emailId() == null
                ? null
                : delivery.status(workspaceId, message.emailId()).orElse("queued");
    }

    private static String checked(String field, String value, int max, boolean multiLine) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(
                    field, field.equals("subject") ? "give the e-mail a subject" : "write a message");
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        if (TextRules.hasControlCharacters(v, multiLine)) {
            throw new InvalidInputException(field, "must not contain control characters");
        }
        return v;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
