import os
import sys

import yaml


def load_settings(path):
    if not os.path.exists(path):
        # ruleid: exit-in-library-code
        sys.exit(f"settings file {path} not found")
    with open(path) as f:
        data = yaml.safe_load(f)
    if "database" not in data:
        # ruleid: exit-in-library-code
        exit(1)
    return data


class Worker:
    def stop(self, code):
        # ruleid: exit-in-library-code
        os._exit(code)

    def validate(self, data):
        if not data:
            # ok: exit-in-library-code
            raise ValueError("empty settings")
        # ok: exit-in-library-code
        sys.stdout.flush()
        # ok: exit-in-library-code
        self.exit(0)
        # ok: exit-in-library-code
        return os.path.exists(data["path"])

    def exit(self, code):
        return code


def spawn(task):
    pid = os.fork()
    if pid == 0:
        # ok: exit-in-library-code
        os._exit(task())
    return pid


def install_handlers(signal):
    # ok: exit-in-library-code
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(0))


def main():
    # ok: exit-in-library-code
    sys.exit(Worker().exit(0))
