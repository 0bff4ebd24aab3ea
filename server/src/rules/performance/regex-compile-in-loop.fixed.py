import re

SKU_RE = re.compile(r"^[A-Z]+-[A-Z0-9]+$")
SEASONAL_RULES = {"winter": [r"^COAT-\d+$"], "summer": [r"^SWIM-\d+$"]}
COMPILED = [re.compile(p) for p in SEASONAL_RULES["winter"]]


def seasonal_boost(skus, season):
    boosted = []
    for sku in skus:
        for pattern in SEASONAL_RULES[season]:
            # ruleid: regex-compile-in-loop
            if re.compile(pattern).match(sku):
                boosted.append(sku)
                break
    pattern2 = re.compile(r"\d+")
    while skus:
        # ruleid: regex-compile-in-loop
        digits = pattern2
        skus = skus[1:]
    pattern3 = re.compile(r"^[A-Z]+-\d+$")
    # ruleid: regex-compile-in-loop
    valid = [s for s in skus if pattern3.match(s)]
    # ok: regex-compile-in-loop
    by_season = {name: re.compile("|".join(ps)) for name, ps in SEASONAL_RULES.items()}
    # ok: regex-compile-in-loop
    pattern = re.compile("|".join(SEASONAL_RULES[season]))
    cache = []
    for p in SEASONAL_RULES[season]:
        # ok: regex-compile-in-loop
        cache.append(re.compile(p))
    # ok: regex-compile-in-loop
    for m in re.compile(r"\d+").findall("a1b22"):
        print(m)
    for sku in skus:
        # ok: regex-compile-in-loop
        if SKU_RE.match(sku) and re.match(r"^\w+$", sku):
            boosted.append(sku)
    return boosted, digits, valid, by_season, pattern, cache
