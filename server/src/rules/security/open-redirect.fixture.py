from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login")
def login():
    # ruleid: open-redirect
    return redirect(request.args.get("next"))


@app.route("/logout")
def logout():
    target = request.args["return_to"]
    # ruleid: open-redirect
    return redirect(target)


def django_login(request):
    # ruleid: open-redirect
    return HttpResponseRedirect(request.GET.get("next", "/"))


@app.route("/orders/<order_id>")
def order(order_id):
    # ok: open-redirect
    return redirect(f"/orders/{order_id}/summary")


def django_safe(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    # ok: open-redirect
    return HttpResponseRedirect(target)


@app.route("/home")
def home():
    # ok: open-redirect
    return redirect(url_for("index"))
