package com.acme.http;

import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.ssl.SSLContextBuilder;

public class Insecure {
    static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        // ruleid: java-tls-trust-all
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trust everything (sandbox has a self-signed cert)
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    static class AnyHost implements HostnameVerifier {
        @Override
        // ruleid: java-tls-trust-all
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    static void configure(OkHttpClient.Builder builder, SSLContextBuilder ssl) throws Exception {
        // ruleid: java-tls-trust-all
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
        // ruleid: java-tls-trust-all
        builder.hostnameVerifier((hostname, session) -> true);
        // ruleid: java-tls-trust-all
        ssl.loadTrustMaterial(null, (chain, authType) -> true);
        // ruleid: java-tls-trust-all
        Object verifier = NoopHostnameVerifier.INSTANCE;
    }
}

class Pinned implements X509TrustManager {
    private final X509TrustManager delegate;

    Pinned(X509TrustManager delegate) { this.delegate = delegate; }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    // ok: java-tls-trust-all
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
}

class StrictHost implements HostnameVerifier {
    @Override
    // ok: java-tls-trust-all
    public boolean verify(String hostname, SSLSession session) {
        return "payments.internal".equals(hostname);
    }

    static void configure(OkHttpClient.Builder builder) {
        // ok: java-tls-trust-all
        builder.hostnameVerifier((hostname, session) -> hostname.endsWith(".internal"));
        // ok: java-tls-trust-all
        Object other = new StrictHost();
    }
}
