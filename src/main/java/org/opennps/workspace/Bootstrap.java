package org.opennps.workspace;

import java.io.PrintStream;
import org.opennps.shared.LogMask;
import org.opennps.shared.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the first start (no workspace yet) creates workspace {@code default}, its API key and the
 * first admin. Generated secrets are printed once to standard output, never to the log. Two
 * nodes starting together create it once: the slug is unique.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final WorkspaceService workspaces;
    private final UserService users;
    private final Environment environment;
    private final PrintStream out;

    Bootstrap(WorkspaceService workspaces, UserService users, Environment environment) {
        this.workspaces = workspaces;
        this.users = users;
        this.environment = environment;
        this.out = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (workspaces.anyExists()) {
            return;
        }
        BootstrapProperties p = properties();
        String zone = TextRules.isTimeZone(p.timeZone()) ? p.timeZone() : "UTC";
        CreatedWorkspace created;
        try {
            created = workspaces.create("default", "Default workspace", zone, false, blankToNull(p.apiKey()), true);
        } catch (DuplicateKeyException | org.opennps.shared.ConflictException e) {
            log.info("Workspace 'default' was created by another node");
            return;
        }
        String email = StringUtils.hasText(p.adminEmail()) ? p.adminEmail().trim() : "admin@opennps.local";
        String password = StringUtils.hasText(p.adminPassword()) ? p.adminPassword() : Secrets.newPassword();
        users.createInstallationOwner(email, password, created.workspace().id());
        // the log keeps no e-mail address; the first-start message below names the user once
        log.info(
                "Created workspace 'default' ({}) and admin user {}",
                created.workspace().id(),
                LogMask.email(email));

        StringBuilder message = new StringBuilder("\n=== OpenNPS first start ===\n");
        message.append("Admin user: ").append(email).append('\n');
        if (!StringUtils.hasText(p.adminPassword())) {
            message.append("Admin password (shown once): ").append(password).append('\n');
        }
        if (!StringUtils.hasText(p.apiKey())) {
            message.append("API key (shown once): ")
                    .append(created.apiKey().key())
                    .append('\n');
        }
        message.append("Public key: ").append(created.workspace().publicKey()).append('\n');
        message.append("===========================\n");
        out.println(message);
    }

    /** Binds the documented names, including the bare environment variables of API.md. */
    private BootstrapProperties properties() {
        return new BootstrapProperties(
                first("opennps.bootstrap.api-key", "OPENNPS_BOOTSTRAP_API_KEY"),
                first("opennps.bootstrap.admin-email", "OPENNPS_ADMIN_EMAIL"),
                first("opennps.bootstrap.admin-password", "OPENNPS_ADMIN_PASSWORD"),
                environment.getProperty("opennps.bootstrap.time-zone", "UTC"));
    }

    private String first(String property, String variable) {
        String value = environment.getProperty(property);
        return StringUtils.hasText(value) ? value : environment.getProperty(variable);
    }

    /** The bootstrap settings; see the README's configuration table. */
    private record BootstrapProperties(String apiKey, String adminEmail, String adminPassword, String timeZone) {}

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }
}
