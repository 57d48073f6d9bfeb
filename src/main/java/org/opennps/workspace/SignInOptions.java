package org.opennps.workspace;

import org.springframework.stereotype.Component;

/**
 * Which ways of signing in are open: password sign-in follows
 * {@code opennps.members.password-sign-in} and can be switched at run time.
 */
@Component
public class SignInOptions {

    private volatile boolean passwordSignIn;

    SignInOptions(MemberProperties properties) {
        this.passwordSignIn = properties.passwordSignIn();
    }

    public boolean passwordSignIn() {
        return passwordSignIn;
    }

    public void passwordSignIn(boolean enabled) {
        this.passwordSignIn = enabled;
    }
}
