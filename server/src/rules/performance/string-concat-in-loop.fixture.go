package export

import (
	"fmt"
	"strings"
)

func CSV(rows []Row) string {
	out := "id,name,total\n"
	for _, r := range rows {
		// ruleid: string-concat-in-loop
		out += fmt.Sprintf("%d,%s,%d\n", r.ID, r.Name, r.Total)
	}
	return out
}

func InList(ids []int) string {
	var list string
	for i, id := range ids {
		if i > 0 {
			// ruleid: string-concat-in-loop
			list += ","
		}
		// ruleid: string-concat-in-loop
		list += fmt.Sprint(id)
	}
	return "(" + list + ")"
}

func Indent(s string, depth int) string {
	for i := 0; i < depth; i++ {
		// ruleid: string-concat-in-loop
		s += "  "
	}
	return s
}

func CSVBuilder(rows []Row) string {
	var b strings.Builder
	for _, r := range rows {
		// ok: string-concat-in-loop
		b.WriteString(fmt.Sprintf("%d,%s\n", r.ID, r.Name))
	}
	return b.String()
}

func Totals(rows []Row) (int, string) {
	total := 0
	for _, r := range rows {
		// ok: string-concat-in-loop
		total += r.Total
		label := "row "
		// ok: string-concat-in-loop
		label += r.Name
		_ = label
	}
	// ok: string-concat-in-loop
	summary := "total: "
	summary += fmt.Sprint(total)
	return total, summary
}
