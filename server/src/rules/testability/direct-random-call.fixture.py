import random
import secrets

WEIGHTS = {"control": 90, "checkout_v2": 10}
# ok: direct-random-call
BOOT_SALT_PICK = random.choice(["a", "b"])


def assign_variant(user_id):
    # ruleid: direct-random-call
    if random.random() < 0.1:
        return "checkout_v2"
    return "control"


def pick_warehouse(warehouses):
    # ruleid: direct-random-call
    return random.choice(warehouses)


def recommend(products, limit=5):
    # ruleid: direct-random-call
    random.shuffle(products)
    return products[:limit]


class Sampler:
    def __init__(self, rng=None):
        self.rng = rng or random.Random()

    def keep(self, rate):
        # ok: direct-random-call
        return self.rng.random() < rate


def retry_delay(attempt):
    # ok: direct-random-call
    return attempt * 0.1 + random.uniform(0, 0.1)


def reset_code():
    # ok: direct-random-call
    token = "".join(random.choice("0123456789") for _ in range(6))
    return token, secrets.token_hex(16)
