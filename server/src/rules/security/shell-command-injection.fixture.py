import os
import shlex
import subprocess


def compress(path):
    # ruleid: shell-command-injection
    subprocess.run(f"gzip -9 {path}", shell=True, check=True)


def disk_usage(directory):
    # ruleid: shell-command-injection
    return os.popen("du -sh " + directory).read()


def restart(service):
    # ruleid: shell-command-injection
    os.system("systemctl restart %s" % service)


def compress_safe(path):
    # ok: shell-command-injection
    subprocess.run(["gzip", "-9", "--", path], check=True)


def quoted(path):
    # ok: shell-command-injection
    subprocess.run("gzip -9 " + shlex.quote(path), shell=True, check=True)


def uptime():
    # ok: shell-command-injection
    return subprocess.check_output("uptime | awk '{print $3}'", shell=True)
