import jwt


def current_user(token):
    # ruleid: jwt-no-verify
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def legacy_user(token, key):
    # ruleid: jwt-no-verify
    return jwt.decode(token, key, verify=False)["sub"]


def any_alg(token, key):
    # ruleid: jwt-no-verify
    return jwt.decode(token, key, algorithms=["none", "HS256"])


def verified(token, key):
    # ok: jwt-no-verify
    return jwt.decode(token, key, algorithms=["RS256"], audience="cart")


def expired_ok(token, key):
    # ok: jwt-no-verify
    return jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})


def encode(claims, key):
    # ok: jwt-no-verify
    return jwt.encode(claims, key, algorithm="HS256")
