const serialize = require('node-serialize');
const yaml = require('js-yaml');
const cryo = require('cryo');

function readProfile(req) {
  // ruleid: unsafe-deserialization
  return serialize.unserialize(Buffer.from(req.cookies.profile, 'base64').toString());
}

function readConfig(text) {
  // ruleid: unsafe-deserialization
  return yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
}

function restore(state) {
  // ruleid: unsafe-deserialization
  return cryo.parse(state);
}

function readConfigSafe(text) {
  // ok: unsafe-deserialization
  return yaml.load(text);
}

function readJson(text) {
  // ok: unsafe-deserialization
  return JSON.parse(text);
}

function fixed() {
  // ok: unsafe-deserialization
  return serialize.unserialize('{"a":1}');
}

module.exports = { readProfile, readConfig, restore, readConfigSafe, readJson, fixed };
