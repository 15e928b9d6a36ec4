package io.crmrecon.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The English text of an import message code, for logs, exceptions and callers that have no request: the same
 * bundles and the same formatting rule as Spring's MessageSource (MessageFormat only when there are arguments),
 * so a message reads the same here and in an API answer in English.
 */
final class ImportMessages {

    static final List<String> BUNDLES = List.of("messages/errors", "messages/customer", "messages/ledger");

    private ImportMessages() {
    }

    static String english(String code, List<String> args) {
        for (String name : BUNDLES) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(name, Locale.ROOT,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            } catch (MissingResourceException e) {
                continue;
            }
            if (bundle.containsKey(code)) {
                String pattern = bundle.getString(code);
                return args.isEmpty() ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args.toArray());
            }
        }
        // a missing key is a programming error, but the user still learns what was wrong with what
        return code + (args.isEmpty() ? "" : " " + args);
    }
}
