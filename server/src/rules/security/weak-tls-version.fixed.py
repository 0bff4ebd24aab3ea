import socket
import ssl


def legacy_context():
    # ruleid: weak-tls-version
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)


def partner_context():
    ctx = ssl.create_default_context()
    # ruleid: weak-tls-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def server_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    # ruleid: weak-tls-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


_PROTOCOL_NAMES = {
    # ok: weak-tls-version
    ssl.PROTOCOL_TLSv1: "TLSv1",
}


def modern_context():
    ctx = ssl.create_default_context()
    # ok: weak-tls-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    # ok: weak-tls-version
    ctx.maximum_version = ssl.TLSVersion.TLSv1_3
    return ctx


def client(host):
    # ok: weak-tls-version
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return ctx.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
