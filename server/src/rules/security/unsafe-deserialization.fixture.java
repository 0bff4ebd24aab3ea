package com.acme.cache;

import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.Serializable;

public class SessionCodec {
    static Object decode(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            // ruleid: unsafe-deserialization
            return in.readObject();
        }
    }

    static Object decodeInline(InputStream body) throws IOException, ClassNotFoundException {
        // ruleid: unsafe-deserialization
        return new ObjectInputStream(body).readUnshared();
    }

    static Object fromXml(InputStream body) {
        XMLDecoder decoder = new XMLDecoder(body);
        // ruleid: unsafe-deserialization
        return decoder.readObject();
    }

    static class Cart implements Serializable {
        private transient Object cache;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            // ok: unsafe-deserialization
            in.defaultReadObject();
            // ok: unsafe-deserialization
            cache = in.readObject();
        }
    }

    static Object readEntry(ObjectInputStream s) throws IOException, ClassNotFoundException {
        // ok: unsafe-deserialization
        return s.readObject();
    }

    static Object other(Reader reader) {
        // ok: unsafe-deserialization
        return reader.readObject();
    }

    static Object json(com.fasterxml.jackson.databind.ObjectMapper mapper, byte[] bytes) throws IOException {
        // ok: unsafe-deserialization
        return mapper.readValue(bytes, Object.class);
    }
}
