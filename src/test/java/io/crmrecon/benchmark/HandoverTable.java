package io.crmrecon.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table {@link HandoverBenchmark} prints: one row per hand-over or engine step, in the order measured. */
final class HandoverTable {

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void addAll(List<Row> more) {
        rows.addAll(more);
    }

    /** The column heads, then the rows. */
    void print() {
        System.out.printf("%-86s %9s %9s %9s %9s%n", "hand-over", "n", "p50", "p99", "max");
        for (Row r : rows) {
            System.out.println(r);
        }
    }

    /** One line of the table: latencies in ms, sorted; how many were handed over. */
    record Row(String what, double[] ms, int handedOver, String note) {

        /** From each key's time in {@code from} to its time in {@code to}; none in {@code to}: not measured. */
        static Row of(String what, Map<String, Instant> from, Map<String, Instant> to) {
            double[] ms = from.entrySet().stream().filter(e -> to.get(e.getKey()) != null)
                    .mapToDouble(e -> Duration.between(e.getValue(), to.get(e.getKey())).toNanos() / 1e6)
                    .sorted().toArray();
            return new Row(what, ms, from.size(), null);
        }

        /** A line of text under the previous row, no figures. */
        static Row remark(String text) {
            return new Row("", new double[0], 0, text);
        }

        Row note(String text) {
            return new Row(what, ms, handedOver, text);
        }

        /** Nearest rank. */
        double percentile(double p) {
            return ms[Math.max(0, (int) Math.ceil(p * ms.length) - 1)];
        }

        @Override
        public String toString() {
            if (what.isEmpty()) {
                return "      " + note;
            }
            String n = ms.length + "/" + handedOver;
            String line = ms.length == 0 ? String.format("%-86s %9s %9s %9s %9s", what, n, "-", "-", "-")
                    : String.format("%-86s %9s %9.1f %9.1f %9.1f", what, n, percentile(0.5), percentile(0.99),
                            ms[ms.length - 1]);
            return note == null ? line : line + "\n      " + note;
        }
    }
}
