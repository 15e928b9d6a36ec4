package io.crmrecon.matching.engine;

import io.crmrecon.matching.engine.Proposal.Candidate;
import io.crmrecon.matching.engine.TextScanner.Token;
import java.util.ArrayList;
import java.util.List;

/** What the text's numbers amount to against the current open amounts. */
final class Refs {

    /** the referenced open items (strong evidence), in order of appearance */
    final List<Integer> items = new ArrayList<>();
    /** per resolved token: the token and its items among {@link #items} */
    final List<Token> tokens = new ArrayList<>();
    final List<int[]> tokenItems = new ArrayList<>();
    /** open items named only by bare numbers of other customers: count only if they make the amount */
    final List<Integer> weakOthers = new ArrayList<>();
    /** numbers that look like ours but are not open */
    final List<Token> unresolved = new ArrayList<>();
    boolean weakOnly;
    /** a typo reading fits the amount but is not taken (a twin): the amount may not be a part payment */
    boolean typoDoubt;
    boolean settled;
    boolean ambiguous;
    boolean otherCurrency;
    final List<Candidate> notes = new ArrayList<>();

    boolean blocked() {
        return settled || ambiguous || otherCurrency || !unresolved.isEmpty();
    }
}
