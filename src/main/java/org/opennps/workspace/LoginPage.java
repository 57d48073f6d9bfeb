package org.opennps.workspace;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form (Spring Security handles its POST) and the single sign-on buttons. */
@Controller
class LoginPage {

    /** A configured OpenID Connect provider as its button shows it. */
    record Provider(String id, String name) {}

    private final SignInOptions options;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    LoginPage(SignInOptions options, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.options = options;
        this.registrations = registrations;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("passwordSignIn", options.passwordSignIn());
        model.addAttribute("providers", providers());
        return "login";
    }

    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object r : all) {
                if (r instanceof ClientRegistration registration) {
                    providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
                }
            }
        }
        return providers;
    }
}
