package org.opennps.delivery;

import java.time.Clock;
import org.opennps.shared.OutboundGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class DeliveryConfig {

    private static final Logger log = LoggerFactory.getLogger(DeliveryConfig.class);

    @Bean
    DevMailbox devMailbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        return new DevMailbox(jdbc, json, clock);
    }

    /** SMTP when {@code spring.mail.host} is set (Boot then provides a sender), else the dev mailbox. */
    @Bean
    EmailDispatcher emailDispatcher(
            EmailOutbox outbox,
            ObjectProvider<JavaMailSender> smtp,
            DevMailbox devMailbox,
            DeliveryProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender instanceof org.springframework.mail.javamail.JavaMailSenderImpl impl) {
            // a sender defined without Boot's properties still gets bounded waits
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.connectiontimeout", "10000");
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.timeout", "30000");
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.writetimeout", "30000");
        }
        MailTransport transport = sender != null ? new SmtpTransport(sender) : devMailbox;
        log.info("Outgoing e-mail goes to {}", sender != null ? "SMTP" : "the dev mailbox (no spring.mail.host)");
        return new EmailDispatcher(outbox, transport, properties, events, tx, clock);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            WebhookOutbox outbox,
            DeliveryProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            OutboundGuard guard) {
        return new WebhookDispatcher(outbox, new WebhookSender(clock, guard), properties, events, tx, clock);
    }

    @Bean
    OutboxPoller outboxPoller(EmailDispatcher emails, WebhookDispatcher webhooks, DeliveryProperties properties) {
        return new OutboxPoller(
                java.util.List.of(
                        new OutboxPoller.Lane("email", properties.emailWorkers(), emails::pass),
                        new OutboxPoller.Lane("webhook", properties.webhookWorkers(), webhooks::pass)),
                properties);
    }
}
