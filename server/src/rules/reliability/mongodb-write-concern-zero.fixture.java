package com.shop.analytics;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

public class ClickStore {
    // ruleid: mongodb-write-concern-zero
    private final MongoClient client = MongoClients.create("mongodb://mongo:27017/?w=0");

    public MongoCollection<Document> clicks() {
        return client.getDatabase("shop").getCollection("clicks")
            // ruleid: mongodb-write-concern-zero
            .withWriteConcern(WriteConcern.UNACKNOWLEDGED);
    }

    public MongoCollection<Document> views() {
        // ruleid: mongodb-write-concern-zero
        return clicks().withWriteConcern(new WriteConcern(0));
    }

    public MongoCollection<Document> orders() {
        // ok: mongodb-write-concern-zero
        return clicks().withWriteConcern(WriteConcern.MAJORITY);
    }

    public MongoCollection<Document> audit() {
        // ok: mongodb-write-concern-zero
        return clicks().withWriteConcern(new WriteConcern(2));
    }

    // ok: mongodb-write-concern-zero
    private static final String URI = "mongodb://mongo:27017/?w=majority";
}
