package com.shop.jobs;

import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class SettlementWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SettlementWorker.class);
    private final BlockingQueue<String> queue;

    public SettlementWorker(BlockingQueue<String> queue) {
        this.queue = queue;
    }

    @Override
    public void run() {
        while (true) {
            String batch = null;
            try {
                batch = queue.take();
                settle(batch);
            // ruleid: java-catch-throwable
            } catch (Throwable t) {
                log.error("settlement of {} failed", batch, t);
            }
        }
    }

    void settle(String batch) {
        try {
            process(batch);
        // ruleid: java-catch-throwable
        } catch (Error e) {
            log.warn("error in {}", batch, e);
        }
        try {
            process(batch);
        // ruleid: java-catch-throwable
        } catch (IllegalStateException | Error e) {
            log.warn("retrying {}", batch);
        }
        try {
            process(batch);
        // ok: java-catch-throwable
        } catch (Exception e) {
            log.error("batch {} failed", batch, e);
        }
        try {
            process(batch);
        // ok: java-catch-throwable
        } catch (Throwable t) {
            log.error("fatal in {}", batch, t);
            throw t;
        }
        try {
            process(batch);
        // ok: java-catch-throwable
        } catch (Error e) {
            throw new IllegalStateException("batch " + batch, e);
        }
    }

    void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        // ok: java-catch-throwable
        } catch (Throwable ignored) {
            // best effort: the connection is being discarded anyway
        }
    }

    java.util.concurrent.CompletableFuture<Void> settleAsync(String batch) {
        java.util.concurrent.CompletableFuture<Void> cf = new java.util.concurrent.CompletableFuture<>();
        try {
            process(batch);
            cf.complete(null);
        // ok: java-catch-throwable
        } catch (Throwable t) {
            cf.completeExceptionally(t);
        }
        return cf;
    }

    private void process(String batch) {
        if (batch.isEmpty()) throw new IllegalArgumentException("empty batch");
    }
}
