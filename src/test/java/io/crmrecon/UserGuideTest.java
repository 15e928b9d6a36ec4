package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user guides (docs/, Chinese and English) show only screenshots that the browser tests take, so that
 * {@code docs/update-screenshots.sh} after a test run shows the screens as they are; both languages show the same
 * screens (each in its own language where the tests take both), and every image and link they name is there.
 */
class UserGuideTest {

    private static final Path DOCS = Path.of("docs");
    private static final List<String> GUIDES = List.of("user-guide.zh.md", "user-guide.en.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern SHOT = Pattern.compile("screenshot\\(\\s*\\w+\\s*,\\s*([^;]+?)\\);");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    @Test
    void bothGuidesShowTheSameScreenshotsAndEachIsThere() throws IOException {
        Set<String> zh = images(GUIDES.get(0));
        Set<String> en = images(GUIDES.get(1));
        assertThat(zh).hasSizeGreaterThan(10);
        assertThat(screens(en)).isEqualTo(screens(zh));
        for (String image : union(zh, en)) {
            assertThat(DOCS.resolve(image)).as(image + " (docs/update-screenshots.sh copies it)").isRegularFile();
        }
    }

    @Test
    void everyScreenshotTheGuidesShowIsOneABrowserTestTakes() throws IOException {
        List<Pattern> taken = screenshotNames();
        assertThat(taken).hasSizeGreaterThan(20);
        for (String image : union(images(GUIDES.get(0)), images(GUIDES.get(1)))) {
            String name = image.substring("images/".length(), image.length() - ".png".length());
            assertThat(taken).as(name + " is taken by no browser test")
                    .anyMatch(p -> p.matcher(name).matches());
        }
    }

    @Test
    void everyLinkToAFileOfTheCheckoutLeadsToOne() throws IOException {
        for (String guide : GUIDES) {
            Matcher links = LINK.matcher(Files.readString(DOCS.resolve(guide)));
            while (links.find()) {
                String target = links.group(1).replaceAll("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*") || target.startsWith("/")) {
                    continue;
                }
                assertThat(DOCS.resolve(target).normalize()).as(guide + " links to " + target).exists();
            }
        }
    }

    /** The screens the images show, whatever their language: "dashboard-zh.png" and "dashboard-en.png" are one. */
    private static Set<String> screens(Set<String> images) {
        Set<String> screens = new TreeSet<>();
        images.forEach(i -> screens.add(i.replaceAll("(?<=[/-])(zh|en)(?=[-.])", "LANG")));
        return screens;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> images(String guide) throws IOException {
        Set<String> images = new TreeSet<>();
        Matcher links = LINK.matcher(Files.readString(DOCS.resolve(guide)));
        while (links.find()) {
            if (links.group(1).startsWith("images/")) {
                images.add(links.group(1));
            }
        }
        return images;
    }

    /** The names the browser tests give their screenshots: literals as written, anything computed as a word. */
    private static List<Pattern> screenshotNames() throws IOException {
        List<Pattern> names = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "test", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith("IT.java")).toList()) {
                Matcher shot = SHOT.matcher(Files.readString(source));
                while (shot.find()) {
                    StringBuilder regex = new StringBuilder();
                    int literals = 0;
                    for (String part : shot.group(1).split("\\+")) {
                        Matcher literal = LITERAL.matcher(part.strip());
                        if (literal.matches()) {
                            regex.append(Pattern.quote(literal.group(1)));
                            literals += literal.group(1).length();
                        } else {
                            regex.append("[A-Za-z0-9_-]+");
                        }
                    }
                    if (literals >= 3) {
                        names.add(Pattern.compile(regex.toString()));
                    }
                }
            }
        }
        return names;
    }
}
