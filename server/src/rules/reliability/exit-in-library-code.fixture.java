package com.shop.billing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class InvoiceStore {
    private final Path dir;

    public InvoiceStore(Path dir) {
        this.dir = dir;
        if (!Files.isDirectory(dir)) {
            // ruleid: exit-in-library-code
            System.exit(1);
        }
    }

    public byte[] read(String id) {
        try {
            return Files.readAllBytes(dir.resolve(id + ".pdf"));
        } catch (IOException e) {
            // ruleid: exit-in-library-code
            Runtime.getRuntime().halt(3);
            return null;
        }
    }

    public void shutdown(int code) {
        // ruleid: exit-in-library-code
        Runtime.getRuntime().exit(code);
    }

    public void close() throws IOException {
        // ok: exit-in-library-code
        Runtime.getRuntime().gc();
        // ok: exit-in-library-code
        System.out.println("closing " + dir);
        // ok: exit-in-library-code
        throw new IOException("store closed: " + dir);
    }
}
