from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
# ruleid: permissive-cors
CORS(app)
# ok: permissive-cors
CORS(app, origins=["https://shop.example.com"])

api = FastAPI()
# ruleid: permissive-cors
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
# ok: permissive-cors
api.add_middleware(CORSMiddleware, allow_origins=["https://shop.example.com"], allow_credentials=True)

# ruleid: permissive-cors
CORS_ALLOW_ALL_ORIGINS = True
# ok: permissive-cors
CORS_ALLOWED_ORIGINS = ["https://shop.example.com"]
# ok: permissive-cors
CORS_ALLOW_ALL_ORIGINS_IN_DEV = False
