import csv
import gzip
import json


def export_orders(orders, path):
    # ruleid: python-open-without-with
    out = open(path, "w", encoding="utf-8")
    writer = csv.writer(out)
    for o in orders:
        writer.writerow([o["id"], o["total"]])


def load_rules(path):
    # ruleid: python-open-without-with
    f = open(path)
    rules = json.load(f)
    return rules


def read_archive(path):
    # ruleid: python-open-without-with
    raw = gzip.open(path, "rt")
    lines = raw.readlines()
    return len(lines)


def safe_export(orders, path):
    # ok: python-open-without-with
    out = open(path, "w", encoding="utf-8")
    try:
        json.dump(orders, out)
    finally:
        out.close()


def open_log(path):
    # ok: python-open-without-with
    handle = open(path, "a")
    return handle


def read_config(path):
    # ok: python-open-without-with
    with open(path) as f:
        return json.load(f)


def upload(path, name):
    # ok: python-open-without-with
    fh = open(path, "rb")
    return {"file": FileUpload(fh, name)}


class Journal:
    def __init__(self, path):
        # ok: python-open-without-with
        self.fh = open(path, "a")
