package io.crmrecon.home;

import io.crmrecon.common.ReconProperties;
import io.crmrecon.notification.MailSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page (/, public): what the system does today and what is still to come, where to go, and in the
 * zero-install run the demo users and what to try first. Texts in messages/common*.properties.
 */
@Controller
class StartPage {

    private final boolean demoUsers;
    private final boolean devMailbox;

    StartPage(ReconProperties settings, MailSettings mail) {
        this.demoUsers = settings.demoUsers();
        this.devMailbox = mail.capture();
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("demoUsers", demoUsers);
        model.addAttribute("devMailbox", devMailbox);
        return "home";
    }
}
