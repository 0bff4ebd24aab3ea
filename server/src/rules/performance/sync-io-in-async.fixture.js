'use strict';
const fs = require('fs');
const { execSync } = require('child_process');
const zlib = require('zlib');

async function loadTemplate(name) {
  // ruleid: sync-io-in-async
  return fs.readFileSync(`templates/${name}.html`, 'utf8');
}

function download(req, res) {
  // ruleid: sync-io-in-async
  const body = zlib.gzipSync(fs.readFileSync(`exports/${req.params.id}.csv`));
  res.set('Content-Encoding', 'gzip').send(body);
}

const version = async () => {
  // ruleid: sync-io-in-async
  return execSync('git rev-parse HEAD').toString().trim();
};

// ok: sync-io-in-async
const TEMPLATES = fs.readFileSync('templates/index.html', 'utf8');

async function loadTemplateAsync(name) {
  // ok: sync-io-in-async
  return fs.promises.readFile(`templates/${name}.html`, 'utf8');
}

function loadConfig(path) {
  // ok: sync-io-in-async
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}

async function main() {
  // ok: sync-io-in-async
  const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  return cfg;
}

module.exports = { loadTemplate, download, version, TEMPLATES, loadTemplateAsync, loadConfig, main };
