// Preloaded with `node --require` around the CLI and the language server in tests: records and
// refuses every attempt to open a socket, resolve a host name, make an HTTP request, start a
// process, or compile code at run time (eval, new Function). The log file (NET_GUARD_LOG) must
// stay empty.
'use strict';
const fs = require('node:fs');

const log = process.env.NET_GUARD_LOG;
function refuse(what) {
  return function guarded() {
    const line = `${what} ${JSON.stringify([...arguments].filter((a) => typeof a !== 'function').slice(0, 2))}\n`;
    if (log) fs.appendFileSync(log, line);
    throw new Error(`net-guard: ${what} is not allowed`);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
require('node:tls').connect = refuse('tls.connect');
const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[name] = refuse(`dns.${name}`);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns.promises[name] = refuse(`dns.promises.${name}`);
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = refuse(`${mod}.request`);
  m.get = refuse(`${mod}.get`);
}
require('node:dgram').createSocket = refuse('dgram.createSocket');
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[name] = refuse(`child_process.${name}`);

// Code compiled from strings at run time: the schema validators are compiled at build time.
const OriginalFunction = Function;
const refuseCompile = refuse('new Function');
globalThis.Function = new Proxy(OriginalFunction, {
  construct: (_target, args) => refuseCompile(...args),
  apply: (_target, _this, args) => refuseCompile(...args),
});
globalThis.eval = refuse('eval');
