import json
import pickle

import numpy as np
import torch
import yaml


def load_session(redis_client, key):
    # ruleid: unsafe-deserialization
    return pickle.loads(redis_client.get(key))


def load_config(text):
    # ruleid: unsafe-deserialization
    return yaml.load(text)


def load_full(stream):
    # ruleid: unsafe-deserialization
    return yaml.load(stream, Loader=yaml.UnsafeLoader)


def load_model(path):
    # ruleid: unsafe-deserialization
    return torch.load(path)


def load_config_safe(text):
    # ok: unsafe-deserialization
    return yaml.load(text, Loader=yaml.SafeLoader)


def load_session_safe(redis_client, key):
    # ok: unsafe-deserialization
    return json.loads(redis_client.get(key))


def load_weights(path):
    # ok: unsafe-deserialization
    return torch.load(path, weights_only=True)


def load_array(path):
    # ok: unsafe-deserialization
    return np.load(path)
