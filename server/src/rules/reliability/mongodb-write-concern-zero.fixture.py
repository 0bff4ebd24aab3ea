from pymongo import MongoClient
from pymongo.write_concern import WriteConcern

# ruleid: mongodb-write-concern-zero
client = MongoClient("mongodb://mongo:27017", w=0)
# ruleid: mongodb-write-concern-zero
legacy = MongoClient("mongodb://mongo:27017/shop?w=0")
# ok: mongodb-write-concern-zero
safe = MongoClient("mongodb://mongo:27017/shop?w=majority", wtimeoutMS=5000)


def log_clicks(db, batch):
    # ruleid: mongodb-write-concern-zero
    clicks = db.get_collection("clicks", write_concern=WriteConcern(w=0))
    clicks.insert_many(batch)
    # ok: mongodb-write-concern-zero
    orders = db.get_collection("orders", write_concern=WriteConcern(w="majority"))
    # ok: mongodb-write-concern-zero
    orders.insert_one({"thumb": {"w": 0, "h": 0}})
    return orders
