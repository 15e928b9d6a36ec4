package io.crmrecon.demo;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming XML writer with two-space indentation: what the generated files look like does not
 * depend on which StAX implementation happens to be on the class path.
 */
final class XmlWriter {

    private final Writer out;
    private final Deque<String> open = new ArrayDeque<>();

    XmlWriter(Writer out) {
        this.out = out;
    }

    XmlWriter declaration() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return this;
    }

    XmlWriter start(String name, String... attributes) throws IOException {
        indent();
        out.write('<');
        out.write(name);
        attributes(attributes);
        out.write(">\n");
        open.push(name);
        return this;
    }

    XmlWriter leaf(String name, String text, String... attributes) throws IOException {
        indent();
        out.write('<');
        out.write(name);
        attributes(attributes);
        out.write('>');
        escape(text, false);
        out.write("</");
        out.write(name);
        out.write(">\n");
        return this;
    }

    XmlWriter end() throws IOException {
        String name = open.pop();
        indent();
        out.write("</");
        out.write(name);
        out.write(">\n");
        return this;
    }

    void flush() throws IOException {
        out.flush();
    }

    private void attributes(String[] attributes) throws IOException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.write(' ');
            out.write(attributes[i]);
            out.write("=\"");
            escape(attributes[i + 1], true);
            out.write('"');
        }
    }

    private void indent() throws IOException {
        for (int i = 0; i < open.size(); i++) {
            out.write("  ");
        }
    }

    private void escape(String text, boolean attribute) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write(attribute ? "&quot;" : "\"");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.write(' '); // not allowed in XML 1.0
                    } else {
                        out.write(c);
                    }
                }
            }
        }
    }
}
