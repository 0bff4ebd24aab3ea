import ast

DEFAULTS = "{'currency': 'EUR', 'limit': 10}"


def apply_discount(rule, price):
    # ruleid: dynamic-code-eval
    return eval(rule, {"price": price})


def run_hook(request):
    code = request.json["hook"]
    # ruleid: dynamic-code-eval
    exec(code)


def compute(field, row):
    # ruleid: dynamic-code-eval
    return eval(f"row.{field} * 1.2")


def load_config_file(path, namespace):
    with open(path) as f:
        # ok: dynamic-code-eval
        exec(compile(f.read(), path, "exec"), namespace)


def parse_settings(text):
    # ok: dynamic-code-eval
    return ast.literal_eval(text)


def defaults():
    # ok: dynamic-code-eval
    return eval(DEFAULTS)


def version():
    # ok: dynamic-code-eval
    return eval("1 + 2")
