package io.crmrecon.security;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Staff as Camunda's identity service knows them (Camunda Admin keeps them), for features that write to them. */
@Component
public class StaffDirectory {

    private final IdentityService identities;

    StaffDirectory(IdentityService identities) {
        this.identities = identities;
    }

    /** The e-mail address of the user, when the user exists and has one. */
    public Optional<String> emailOf(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        User user = identities.createUserQuery().userId(userId.strip()).singleResult();
        return Optional.ofNullable(user).map(User::getEmail).filter(e -> !e.isBlank());
    }
}
