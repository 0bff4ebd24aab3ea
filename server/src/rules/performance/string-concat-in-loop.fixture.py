def to_csv(rows):
    out = "id,name,total\n"
    for r in rows:
        # ruleid: string-concat-in-loop
        out += f"{r.id},{r.name},{r.total}\n"
    return out


def in_list(ids):
    sql: str = ""
    for i, order_id in enumerate(ids):
        if i:
            # ruleid: string-concat-in-loop
            sql += ","
        # ruleid: string-concat-in-loop
        sql += str(order_id)
    return f"({sql})"


def read_until_blank(stream):
    text = str()
    while True:
        line = stream.readline()
        if not line.strip():
            break
        # ruleid: string-concat-in-loop
        text += line
    return text


def to_csv_join(rows):
    # ok: string-concat-in-loop
    return "".join(f"{r.id},{r.name}\n" for r in rows)


def totals(rows):
    total = 0
    parts = []
    for r in rows:
        # ok: string-concat-in-loop
        total += r.total
        # ok: string-concat-in-loop
        parts += [r.name]
        label = "row "
        # ok: string-concat-in-loop
        label += r.name
    return total, parts, label
