package store

import (
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"go.mongodb.org/mongo-driver/mongo/writeconcern"
)

// ruleid: mongodb-write-concern-zero
const clickURI = "mongodb://mongo:27017/?w=0"

func Collections(db *mongo.Database) (*mongo.Collection, *mongo.Collection, *mongo.Collection) {
	// ruleid: mongodb-write-concern-zero
	clicks := db.Collection("clicks", options.Collection().SetWriteConcern(writeconcern.Unacknowledged()))
	// ruleid: mongodb-write-concern-zero
	views := db.Collection("views", options.Collection().SetWriteConcern(&writeconcern.WriteConcern{W: 0}))
	// ok: mongodb-write-concern-zero
	orders := db.Collection("orders", options.Collection().SetWriteConcern(writeconcern.Majority()))
	// ok: mongodb-write-concern-zero
	_ = &writeconcern.WriteConcern{W: 2}
	// ok: mongodb-write-concern-zero
	_ = "mongodb://mongo:27017/?w=majority"
	return clicks, views, orders
}
