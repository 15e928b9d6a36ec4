package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user guides (docs/, Chinese and English) show only screenshots that the browser tests take, so that
 * {@code docs/update-screenshots.sh} after a test run shows the screens as they are; both languages show the same
 * screens (each in its own language where the tests take both), every image they name is in docs/images and every
 * image there is shown, and every link into the checkout (a file, a heading) leads somewhere.
 */
class UserGuideTest {

    private static final Path DOCS = Path.of("docs");
    private static final Path IMAGES = DOCS.resolve("images");
    private static final List<String> GUIDES = List.of("user-guide.zh.md", "user-guide.en.md");
    private static final Path TESTS = Path.of("src", "test", "java");

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    /** {@code Browser.screenshot(driver, <name>);} */
    private static final Pattern SHOT = Pattern.compile("screenshot\\(\\s*\\w+\\s*,\\s*([^;]+?)\\);");
    /**
     * Where a String variable is declared: a local with its value ({@code String shot = <expression>;}, group 1), or a
     * parameter ({@code (String name,}), whose value the file does not show.
     */
    private static final String DECLARATION = "\\bString\\s+%s\\s*=\\s*([^;]+);"
            + "|[(,]\\s*(?:final\\s+)?String\\s+%s\\s*[,)]";
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    /** {@code zh ? "zh" : "en"}, in parentheses or not. */
    private static final Pattern CHOICE = Pattern.compile("\\(?[^?]*\\?\\s*\"([^\"]*)\"\\s*:\\s*\"([^\"]*)\"\\s*\\)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
    /** What a part of a name computed at run time may be: a language, a device, a step ("zh", "phone", "request"). */
    private static final String COMPUTED = "[A-Za-z0-9_-]+";

    /**
     * Names a browser test makes in a helper from the helper's parameter, which the code as written does not show:
     * the pattern, then the test's source and the pieces of code that make the name (if one goes, so does the name).
     */
    private static final Map<String, List<String>> MADE_IN_HELPERS = Map.of(
            "settlement-mail-(zh|en)-(request|firm)-(desktop|phone)",
            List.of("io/crmrecon/statement/SettlementMailBrowserIT.java", "\"settlement-mail-\" + language + \"-\"",
                    "name + \"request\"", "name + \"firm\"", "name + \"-desktop\"", "name + \"-phone\""));

    @Test
    void bothGuidesShowTheSameScreensAndEachImageIsInDocsImages() throws IOException {
        Set<String> zh = images(GUIDES.get(0));
        Set<String> en = images(GUIDES.get(1));
        assertThat(zh).as("images the Chinese guide shows").hasSizeGreaterThan(15);
        assertThat(screens(en)).as("the screens the English guide shows, whatever their language")
                .isEqualTo(screens(zh));
        for (String image : union(zh, en)) {
            assertThat(IMAGES.resolve(image)).as(image + " (docs/update-screenshots.sh copies it)").isRegularFile();
        }
    }

    @Test
    void eachGuideShowsItsOwnLanguageWhereTheTestsTakeBoth() throws IOException {
        for (String guide : GUIDES) {
            String other = guide.contains(".zh.") ? "en" : "zh";
            assertThat(images(guide)).as(guide + " shows a screen in the other language")
                    .noneMatch(i -> i.matches(".*(?<=^|-)" + other + "(?=-|\\.png$).*"));
        }
    }

    @Test
    void everyImageInDocsImagesIsShownByAGuide() throws IOException {
        Set<String> shown = union(images(GUIDES.get(0)), images(GUIDES.get(1)));
        try (Stream<Path> files = Files.list(IMAGES)) {
            Set<String> kept = files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(kept).as("images no guide shows (docs/update-screenshots.sh removes them)")
                    .isSubsetOf(shown);
        }
    }

    @Test
    void everyImageTheGuidesShowIsAScreenshotABrowserTestTakes() throws IOException {
        List<Pattern> taken = screenshotNames();
        assertThat(taken).as("names given to Browser.screenshot in the browser tests").hasSizeGreaterThan(30);
        for (String image : union(images(GUIDES.get(0)), images(GUIDES.get(1)))) {
            String name = image.substring(0, image.length() - ".png".length());
            assertThat(taken).as(name + " is taken by no browser test: no Browser.screenshot(…) under " + TESTS
                    + " gives that name").anyMatch(p -> p.matcher(name).matches());
        }
    }

    @Test
    void theNamesOfTheBrowserTestsScreenshotsAreReadAsWritten() throws IOException {
        List<String> taken = screenshotNames().stream().map(Pattern::pattern).toList();
        // a literal, a literal with the language, and a prefix kept in a local variable
        assertThat(taken).contains(Pattern.quote("statement-mail-in-mailbox"),
                Pattern.quote("dashboard-") + COMPUTED,
                Pattern.quote("journey-") + COMPUTED + Pattern.quote("-") + Pattern.quote("04-workbench-oldest-first"));
        assertThat(taken.stream().map(Pattern::compile)).as("patterns").noneMatch(p -> p.matcher(
                "nobody-takes-this-04-workbench-oldest-first").matches() || p.matcher("nobody-phone").matches());
        // a name made in a helper from its parameter
        assertThat(taken).contains(MADE_IN_HELPERS.keySet().iterator().next());
    }

    @Test
    void everyLinkIntoTheCheckoutLeadsToAFileOrAHeading() throws IOException {
        for (String guide : GUIDES) {
            Matcher links = LINK.matcher(text(guide));
            while (links.find()) {
                String link = links.group(1);
                if (link.matches("^[a-z][a-z0-9+.-]*:.*") || link.startsWith("/")) {
                    continue; // a web address, or a path of the running application
                }
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                Path target = file.isEmpty() ? DOCS.resolve(guide) : DOCS.resolve(file).normalize();
                assertThat(target).as(guide + " links to " + link).exists();
                if (hash >= 0) {
                    String anchor = link.substring(hash + 1);
                    assertThat(anchors(target)).as(guide + " links to " + link + ", a heading of " + target)
                            .contains(anchor);
                }
            }
        }
    }

    /** The screens the images show, whatever their language: "dashboard-zh.png" and "dashboard-en.png" are one. */
    private static Set<String> screens(Set<String> images) {
        Set<String> screens = new TreeSet<>();
        images.forEach(i -> screens.add(i.replaceAll("(?<=^|-)(zh|en)(?=-|\\.png$)", "LANG")));
        return screens;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String text(String guide) throws IOException {
        return Files.readString(DOCS.resolve(guide));
    }

    /** The file names of the images a guide shows, {@code ![…](images/x.png)}. */
    private static Set<String> images(String guide) throws IOException {
        Set<String> images = new TreeSet<>();
        Matcher links = LINK.matcher(text(guide));
        while (links.find()) {
            if (links.group(1).startsWith("images/")) {
                images.add(links.group(1).substring("images/".length()));
            }
        }
        return images;
    }

    /** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        Matcher headings = HEADING.matcher(FENCE.matcher(Files.readString(markdown)).replaceAll(""));
        while (headings.find()) {
            String slug = headings.group(1).replaceAll("`|\\*\\*|\\*|_(?=\\W|$)", "").toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    /**
     * The names the browser tests give their screenshots, as patterns: string literals as written, a choice between
     * two literals ({@code zh ? "zh" : "en"}) as either, a variable by the declaration nearest before its use in the
     * same file (a local {@code String shot = "journey-" + language + "-";} by its value, a method's parameter as
     * computed), and anything else computed (a method call) as {@link #COMPUTED}. A name with fewer than three
     * characters written out, or that begins with a computed part (a helper's parameter), is left out: it says
     * nothing; such names are in {@link #MADE_IN_HELPERS}.
     */
    private static List<Pattern> screenshotNames() throws IOException {
        List<Pattern> names = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(TESTS)) {
            for (Path source : sources.filter(p -> p.toString().endsWith("IT.java")).toList()) {
                String code = Files.readString(source);
                Matcher shot = SHOT.matcher(code);
                while (shot.find()) {
                    for (String[] pattern : expand(shot.group(1), code, shot.start(), 0)) {
                        if (pattern[1].length() >= 3 && !pattern[0].startsWith(COMPUTED)) {
                            names.add(Pattern.compile(pattern[0]));
                        }
                    }
                }
            }
            for (Map.Entry<String, List<String>> helper : MADE_IN_HELPERS.entrySet()) {
                Path source = TESTS.resolve(helper.getValue().get(0));
                if (Files.isRegularFile(source) && helper.getValue().stream().skip(1)
                        .allMatch(Files.readString(source)::contains)) {
                    names.add(Pattern.compile(helper.getKey()));
                }
            }
        }
        return names;
    }

    /**
     * The patterns an expression {@code a + "b" + c} at {@code position} of the code can make, each with the
     * characters it writes out.
     */
    private static List<String[]> expand(String expression, String code, int position, int depth) {
        List<String[]> made = List.<String[]>of(new String[] {"", ""});
        for (String part : expression.split("\\+")) {
            String p = part.strip();
            List<String[]> options = new ArrayList<>();
            Matcher literal = LITERAL.matcher(p);
            Matcher choice = CHOICE.matcher(p);
            if (literal.matches()) {
                options.add(new String[] {Pattern.quote(literal.group(1)), literal.group(1)});
            } else if (choice.matches()) {
                options.add(new String[] {Pattern.quote(choice.group(1)), choice.group(1)});
                options.add(new String[] {Pattern.quote(choice.group(2)), choice.group(2)});
            } else if (IDENTIFIER.matcher(p).matches() && depth < 3) {
                Matcher declared = Pattern.compile(String.format(DECLARATION, p, p)).matcher(code);
                int at = -1;
                String value = null;
                while (declared.find() && declared.start() < position) {
                    at = declared.start();
                    value = declared.group(1); // null for a parameter
                }
                if (value != null) {
                    options.addAll(expand(value, code, at, depth + 1));
                } else {
                    options.add(new String[] {COMPUTED, ""});
                }
            } else {
                options.add(new String[] {COMPUTED, ""});
            }
            List<String[]> longer = new ArrayList<>();
            for (String[] before : made) {
                for (String[] option : options) {
                    longer.add(new String[] {before[0] + option[0], before[1] + option[1]});
                }
            }
            made = longer;
        }
        return made;
    }
}
