import hashlib


def hash_password(password: str, salt: bytes) -> str:
    # ruleid: weak-hash
    return hashlib.md5(salt + password.encode()).hexdigest()


def verify_signature(payload: bytes, signature: str, secret: bytes) -> bool:
    # ruleid: weak-hash
    expected = hashlib.sha1(secret + payload).hexdigest()
    return expected == signature


def api_key_digest(api_key):
    # ruleid: weak-hash
    return hashlib.new("md5", api_key.encode()).hexdigest()


def file_checksum(path):
    # ok: weak-hash
    h = hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def session_bucket(session_id):
    # ok: weak-hash
    return int(hashlib.md5(session_id.encode(), usedforsecurity=False).hexdigest(), 16) % 100


def password_hash(password, salt):
    # ok: weak-hash
    return hashlib.new("sha256", salt + password.encode()).hexdigest()
