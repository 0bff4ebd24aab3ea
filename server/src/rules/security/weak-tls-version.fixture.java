package com.acme.gateway;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import okhttp3.ConnectionSpec;
import okhttp3.TlsVersion;

public class Tls {
    static SSLContext legacy() throws Exception {
        // ruleid: weak-tls-version
        return SSLContext.getInstance("TLSv1");
    }

    static void protocols(SSLSocket socket) {
        // ruleid: weak-tls-version
        socket.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
    }

    static ConnectionSpec spec() {
        return new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
            // ruleid: weak-tls-version
            .tlsVersions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_0)
            .build();
    }

    static SSLContext modern() throws Exception {
        // ok: weak-tls-version
        return SSLContext.getInstance("TLSv1.3");
    }

    static SSLContext negotiated() throws Exception {
        // ok: weak-tls-version
        return SSLContext.getInstance("TLS");
    }

    static void strict(SSLSocket socket) {
        // ok: weak-tls-version
        socket.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
    }
}
