package io.crmrecon.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report whatever it is rendered as (JSON, CSV, XLSX): its parameters and named tables of typed columns. The
 * first table is the report's main one; only it has total rows.
 */
record Report(String name, Map<String, Object> parameters, List<Table> tables) {

    Report {
        parameters = new LinkedHashMap<>(parameters);
        tables = List.copyOf(tables);
        for (int i = 1; i < tables.size(); i++) {
            if (!tables.get(i).totals().isEmpty()) {
                throw new IllegalArgumentException("only the main table has totals");
            }
        }
    }

    Table table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst().orElse(null);
    }

    /** How a value is shown: MONEY is a BigDecimal at its currency's digits, a string in JSON as everywhere in the API. */
    enum Kind {
        TEXT, MONEY, DECIMAL, INTEGER, DATE
    }

    record Column(String key, Kind kind) {

        static Column text(String key) {
            return new Column(key, Kind.TEXT);
        }

        static Column money(String key) {
            return new Column(key, Kind.MONEY);
        }

        static Column decimal(String key) {
            return new Column(key, Kind.DECIMAL);
        }

        static Column integer(String key) {
            return new Column(key, Kind.INTEGER);
        }

        static Column date(String key) {
            return new Column(key, Kind.DATE);
        }
    }

    /** Rows as lists in the columns' order; {@code totals} are rows of the same shape, shown after the rows. */
    record Table(String name, List<Column> columns, List<List<Object>> rows, List<List<Object>> totals) {

        Table {
            columns = List.copyOf(columns);
            rows = unmodifiable(rows, columns.size());
            totals = unmodifiable(totals, columns.size());
        }

        Table(String name, List<Column> columns, List<List<Object>> rows) {
            this(name, columns, rows, List.of());
        }

        List<String> keys() {
            return columns.stream().map(Column::key).toList();
        }

        /** A row's value of a column, by its key. */
        Object value(List<Object> row, String key) {
            int index = keys().indexOf(key);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + key + " in " + name);
            }
            return row.get(index);
        }

        private static List<List<Object>> unmodifiable(List<List<Object>> rows, int width) {
            List<List<Object>> out = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                if (row.size() != width) {
                    throw new IllegalArgumentException("a row of " + row.size() + " values for " + width + " columns");
                }
                // values may be null (an empty cell), so no List.copyOf
                out.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
            }
            return java.util.Collections.unmodifiableList(out);
        }
    }
}
