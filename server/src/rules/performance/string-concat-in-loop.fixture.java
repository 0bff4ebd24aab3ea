package shop.export;

import java.util.List;

public class CsvExport {
    public String csv(List<Row> rows) {
        String out = "id,name,total\n";
        for (Row r : rows) {
            // ruleid: string-concat-in-loop
            out += r.id() + "," + r.name() + "," + r.total() + "\n";
        }
        return out;
    }

    public String inList(List<Long> ids) {
        String list = "";
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                // ruleid: string-concat-in-loop
                list += ",";
            }
            // ruleid: string-concat-in-loop
            list += ids.get(i);
        }
        return "(" + list + ")";
    }

    public String indent(String s, int depth) {
        while (depth-- > 0) {
            // ruleid: string-concat-in-loop
            s += "  ";
        }
        return s;
    }

    public String csvBuilder(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            // ok: string-concat-in-loop
            sb.append(r.id()).append(',').append(r.name()).append('\n');
        }
        return sb.toString();
    }

    public long totals(List<Row> rows) {
        long total = 0;
        for (Row r : rows) {
            // ok: string-concat-in-loop
            total += r.total();
            String label = "row ";
            // ok: string-concat-in-loop
            label += r.name();
        }
        String summary = "total: ";
        // ok: string-concat-in-loop
        summary += total;
        return total;
    }
}
