const util = require('node:util');
const cp = require('child_process');
const exec = util.promisify(require('child_process').exec);

async function dumpTable(table) {
  // ruleid: shell-command-injection
  return exec(`pg_dump -t ${table} orders`);
}

function ping(host) {
  // ruleid: shell-command-injection
  return cp.execSync('ping -c 1 ' + host);
}

function kill(pid, signal) {
  // ruleid: shell-command-injection
  cp.exec(`kill -${signal} ${pid}`);
}

function pingSafe(host) {
  // ok: shell-command-injection
  return cp.execFileSync('ping', ['-c', '1', host]);
}

function uptime() {
  // ok: shell-command-injection
  return cp.execSync('uptime');
}

function match(line) {
  // ok: shell-command-injection
  return /^(\w+)=(.*)$/.exec(line + '');
}

module.exports = { dumpTable, ping, kill, pingSafe, uptime, match };
