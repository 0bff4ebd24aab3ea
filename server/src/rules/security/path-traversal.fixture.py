import os

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/download")
def download():
    # ruleid: path-traversal
    return send_file(os.path.join(UPLOADS, request.args["file"]))


@app.route("/files/<name>")
def read(name):
    # ruleid: path-traversal
    with open(os.path.join(UPLOADS, name)) as f:
        return f.read()


@app.route("/delete", methods=["POST"])
def delete():
    path = UPLOADS + "/" + request.form["name"]
    # ruleid: path-traversal
    os.remove(path)
    return "", 204


@app.route("/safe/<name>")
def safe(name):
    # ok: path-traversal
    return send_from_directory(UPLOADS, name)


@app.route("/upload", methods=["POST"])
def upload():
    name = secure_filename(request.files["file"].filename)
    # ok: path-traversal
    with open(os.path.join(UPLOADS, name), "wb") as f:
        f.write(request.files["file"].read())
    return "", 201


def load_config(path):
    # ok: path-traversal
    with open(path) as f:
        return f.read()
