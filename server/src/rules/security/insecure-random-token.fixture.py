import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def generate_password(length=16):
    # ruleid: insecure-random-token
    return "".join(random.choice(ALPHABET) for _ in range(length))


def make_reset_code():
    # ruleid: insecure-random-token
    return str(random.randint(100000, 999999))


def new_salt():
    # ruleid: insecure-random-token
    return random.getrandbits(128).to_bytes(16, "big")


def make_boundary():
    # ok: insecure-random-token
    token = random.randrange(2**63)
    return "=" * 15 + str(token) + "=="


def api_token():
    # ok: insecure-random-token
    return secrets.token_urlsafe(32)


def backoff(attempt):
    # ok: insecure-random-token
    return min(30, 2 ** attempt) + random.uniform(0, 1)


def pick_shard(shards):
    # ok: insecure-random-token
    return random.choice(shards)
