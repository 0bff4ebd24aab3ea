import os

import psycopg2

# ruleid: hard-coded-secret
GITHUB_TOKEN = "ghp_r8Kq2LmZ0vXa9TbY4cWd7NeF1gHs6JuP3iQo"
# ok: hard-coded-secret
GITHUB_TOKEN_ENV = "GITHUB_TOKEN"
# ok: hard-coded-secret
API_KEY = os.environ.get("RECS_API_KEY", "")


class Settings:
    # ruleid: hard-coded-secret
    client_secret = "d8f7a6b5c4e3d2f1a0b9c8d7e6f5a4b3"
    # ok: hard-coded-secret
    password_field = "user-password"


def connect(host):
    # ruleid: hard-coded-secret
    return psycopg2.connect(host=host, user="recs", password="Wint3r-is-c0ming!")


def headers():
    # ruleid: hard-coded-secret
    return {"Authorization": "Bearer 7fK2pQ9xLm4ZrT8vBn3W"}


def signing_key():
    # ruleid: hard-coded-secret
    return """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIBq3xJvQ1Wj0fF9Sx7Q8mZ2k4YdRr3n5tL6pVw8uHc9aoAoGCCqGSM49
AwEHoUQDQgAEp9Jc3XxQmRk2vT7wZ1uY8sN4bL6hF0gD5eA3iK9jM2oP7qR1sU4v
-----END EC PRIVATE KEY-----"""


def parse_pem(data):
    # ok: hard-coded-secret
    return data.startswith("-----BEGIN RSA PRIVATE KEY-----")


def defaults():
    # ok: hard-coded-secret
    return dict(password="changeme", token="${TOKEN}", api_key="your-api-key-here")
