package io.crmrecon.bankfile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a bank file that is not XML. A charset the upload names wins; otherwise valid UTF-8 is UTF-8, then
 * GB18030 (Chinese banks' exports), then ISO-8859-1. Bytes alone cannot tell Latin-1 from GB18030 for certain —
 * "Müller" in Latin-1 is valid GB18030 — so GB18030 is taken only where every non-ASCII byte sits in a run of
 * them, as Chinese text does; a lone accented letter between ASCII bytes is Latin.
 */
final class BankText {

    static final Charset GB18030 = Charset.forName("GB18030");

    private BankText() {
    }

    static String decode(byte[] content, Charset declared) {
        String text;
        if (declared != null) {
            text = strict(content, declared).orElseGet(() -> new String(content, declared));
        } else {
            text = strict(content, StandardCharsets.UTF_8)
                    .or(() -> looksChinese(content) ? strict(content, GB18030) : Optional.empty())
                    .orElseGet(() -> new String(content, StandardCharsets.ISO_8859_1));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** No non-ASCII byte stands alone between ASCII bytes. */
    static boolean looksChinese(byte[] c) {
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 0) {
                boolean before = i > 0 && c[i - 1] < 0;
                boolean after = i + 1 < c.length && c[i + 1] < 0;
                if (!before && !after) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<String> strict(byte[] content, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
