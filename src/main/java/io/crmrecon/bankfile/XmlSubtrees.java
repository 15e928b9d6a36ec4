package io.crmrecon.bankfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX stream element by element and reads a whole subtree (one camt entry, one balance) into its leaf
 * texts by relative path, so that a reader asks for "RltdPties/Dbtr/Nm" instead of tracking depth itself.
 */
final class XmlSubtrees {

    private static final int MAX_PATHS = 10_000;

    private final XMLStreamReader r;
    private final ElementPath root = new ElementPath("");
    private int knownPaths;

    XmlSubtrees(XMLStreamReader r) {
        this.r = r;
    }

    int line() {
        return r.getLocation().getLineNumber();
    }

    /** Moves to the next child of the current element; false once the current element ends. */
    boolean nextChild() throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * Reads the current element's subtree into its leaf texts by relative path ("RltdPties/Dbtr/Nm", and the
     * currency attribute as "Amt@Ccy"). Elements named {@code split} become children of their own.
     */
    Fields collect(String split) throws XMLStreamException {
        Fields fields = new Fields(line());
        StringBuilder text = new StringBuilder();
        ElementPath[] stack = new ElementPath[16];
        stack[0] = root;
        int depth = 0;
        boolean leaf = true;
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = r.getLocalName();
                    if (split != null && split.equals(name)) {
                        fields.children.add(collect(null));
                        leaf = false;
                        continue;
                    }
                    if (depth + 1 == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                    }
                    ElementPath path = stack[depth].child(name);
                    stack[++depth] = path;
                    String currency = r.getAttributeValue(null, "Ccy");
                    if (currency != null) {
                        fields.add(path.currency, currency.trim());
                    }
                    text.setLength(0);
                    leaf = true;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        return fields;
                    }
                    if (leaf) {
                        String value = text.toString().trim();
                        if (!value.isEmpty()) {
                            fields.add(stack[depth].path, value);
                        }
                    }
                    leaf = false;
                    text.setLength(0);
                    depth--;
                }
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
    }

    /**
     * Relative element paths, each built once per file and then shared by every entry: building the path string
     * for every element of 100,000 entries costs more than reading them. Bounded, so that a file with endless
     * distinct element names cannot make it grow without limit.
     */
    private final class ElementPath {
        final String path;
        final String currency;
        private final Map<String, ElementPath> children = new HashMap<>(4);

        ElementPath(String path) {
            this.path = path;
            this.currency = path + "@Ccy";
        }

        ElementPath child(String name) {
            ElementPath child = children.get(name);
            if (child == null) {
                child = new ElementPath(path.isEmpty() ? name : path + "/" + name);
                if (knownPaths < MAX_PATHS) {
                    children.put(name, child);
                    knownPaths++;
                }
            }
            return child;
        }
    }

    /** The leaf texts of one subtree; the line is where the subtree starts, for messages. */
    static final class Fields {
        final int line;
        final Map<String, Object> values = new HashMap<>();
        final List<Fields> children = new ArrayList<>(1);

        Fields(int line) {
            this.line = line;
        }

        @SuppressWarnings("unchecked")
        void add(String path, String value) {
            Object old = values.putIfAbsent(path, value);
            if (old == null) {
                return;
            }
            // repeated elements (Ustrd, Strd) are rare: keep a single String until one repeats
            List<String> list;
            if (old instanceof List<?>) {
                list = (List<String>) old;
            } else {
                list = new ArrayList<>(2);
                list.add((String) old);
                values.put(path, list);
            }
            list.add(value);
        }

        String first(String... paths) {
            for (String path : paths) {
                Object v = values.get(path);
                if (v instanceof String s) {
                    return s;
                }
                if (v instanceof List<?> list) {
                    return (String) list.get(0);
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        List<String> all(String path) {
            Object v = values.get(path);
            if (v == null) {
                return List.of();
            }
            return v instanceof String s ? List.of(s) : (List<String>) v;
        }
    }
}
