package com.shop.shipping;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

public class Carriers {
    // ruleid: java-okhttp-no-timeout
    private static final OkHttpClient DEFAULT = new OkHttpClient();

    static OkHttpClient dhl() {
        // ruleid: java-okhttp-no-timeout
        return new OkHttpClient.Builder()
            .connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
    }

    static OkHttpClient ups() {
        // ruleid: java-okhttp-no-timeout
        return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(15)).readTimeout(0, TimeUnit.SECONDS).build();
    }

    static OkHttpClient fedex() {
        // ruleid: java-okhttp-no-timeout
        return new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
    }

    static OkHttpClient gls() {
        // ok: java-okhttp-no-timeout
        return new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(3))
            .callTimeout(Duration.ofSeconds(15))
            .build();
    }

    static OkHttpClient tracking() {
        // ok: java-okhttp-no-timeout
        return DEFAULT.newBuilder().followRedirects(false).build();
    }

    static String label(StringBuilder sb) {
        // ok: java-okhttp-no-timeout
        return sb.append("label").toString();
    }
}
