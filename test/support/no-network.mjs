// Preloaded with --import: every way out to the network throws, and each attempt is
// appended to $AUDIT_TEST_NETWORK_LOG, so that a test can prove a command made none.
import { appendFileSync } from "node:fs";
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import tls from "node:tls";

const log = process.env.AUDIT_TEST_NETWORK_LOG;

function blocked(what) {
  return function refuse() {
    if (log) appendFileSync(log, `${what}\n`);
    throw new Error(`network access is blocked in this test: ${what}`);
  };
}

net.Socket.prototype.connect = blocked("net.Socket.prototype.connect");
net.connect = net.createConnection = blocked("net.connect");
tls.connect = blocked("tls.connect");
for (const name of ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "reverse"]) {
  dns[name] = blocked(`dns.${name}`);
  dns.promises[name] = blocked(`dns.promises.${name}`);
}
dns.Resolver.prototype.resolve = blocked("dns.Resolver.resolve");
http.request = http.get = blocked("http.request");
https.request = https.get = blocked("https.request");
http2.connect = blocked("http2.connect");
dgram.Socket.prototype.send = blocked("dgram.Socket.send");
const refuseFetch = blocked("fetch");
globalThis.fetch = async () => refuseFetch();
globalThis.WebSocket = blocked("WebSocket");
// ESM `import { request } from "node:http"` sees the blocked functions too.
syncBuiltinESMExports();
