package shop.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public class WarehouseRules {
    private static final Pattern SKU = Pattern.compile("^[A-Z]{3}-\\d{4,6}$");

    public List<String> filterByWarehouseRules(List<String> skus, List<String> rules) {
        List<String> allowed = new ArrayList<>();
        for (String sku : skus) {
            for (String rule : rules) {
                // ruleid: regex-compile-in-loop
                Pattern p = Pattern.compile(rule);
                if (p.matcher(sku).matches()) {
                    allowed.add(sku);
                    break;
                }
            }
        }
        int i = 0;
        while (i < skus.size()) {
            // ruleid: regex-compile-in-loop
            if (Pattern.matches("^X-.*", skus.get(i++))) allowed.remove(0);
        }
        // ruleid: regex-compile-in-loop
        skus.stream().filter(s -> Pattern.compile(rules.get(0)).matcher(s).find()).forEach(allowed::add);
        int temporary = 0;
        for (String sku : skus) {
            // ruleid: regex-compile-in-loop
            if (Pattern.compile("^TMP-\\d+$", Pattern.CASE_INSENSITIVE).matcher(sku).matches()) temporary++;
        }
        return temporary > 0 ? List.of() : allowed;
    }

    public List<Pattern> compileAll(List<String> rules) {
        List<Pattern> out = new ArrayList<>();
        for (String r : rules) {
            // ok: regex-compile-in-loop
            out.add(Pattern.compile(r));
        }
        // ok: regex-compile-in-loop
        Pattern any = Pattern.compile(String.join("|", rules));
        // ok: regex-compile-in-loop
        rules.stream().map(r -> Pattern.compile(r)).forEach(out::add);
        for (String r : rules) {
            // ok: regex-compile-in-loop
            if (SKU.matcher(r).matches()) out.add(any);
        }
        return out;
    }
}
