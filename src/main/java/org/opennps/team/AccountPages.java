package org.opennps.team;

import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.UserService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages an invitation or reset e-mail links to, and the "forgot password" form. Open to
 * anyone: the single-use token in the link is the proof.
 */
@Controller
class AccountPages {

    private final UserService users;
    private final TeamService team;

    AccountPages(UserService users, TeamService team) {
        this.users = users;
        this.team = team;
    }

    @GetMapping("/account/password")
    String passwordForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        users.linkOwner(token).ifPresent(email -> model.addAttribute("email", email));
        return "account-password";
    }

    @PostMapping("/account/password")
    String setPassword(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model) {
        model.addAttribute("token", token);
        users.linkOwner(token).ifPresent(email -> model.addAttribute("email", email));
        if (!password.equals(confirmation)) {
            model.addAttribute("passwordError", "The two passwords differ: type the same password twice.");
            return "account-password";
        }
        try {
            users.setPasswordWithLink(token, password);
        } catch (InvalidInputException e) {
            var violation = e.violations().getFirst();
            model.addAttribute(
                    "token".equals(violation.field()) ? "linkError" : "passwordError",
                    "token".equals(violation.field())
                            ? violation.message()
                            : Words.of(violation.field(), violation.message()));
            return "account-password";
        }
        return "redirect:/login?password-set";
    }

    @GetMapping("/account/reset")
    String resetForm() {
        return "account-reset";
    }

    @PostMapping("/account/reset")
    String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
        team.requestPasswordReset(email.trim());
        model.addAttribute("sent", true);
        return "account-reset";
    }
}
