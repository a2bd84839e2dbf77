// A local SMTP server for browser tests: accepts every message on a free loopback port and keeps
// it, decoded, so a test can follow the links samtryg e-mails as a resident would.
import { createServer } from 'node:net';

function decodeHeader(value) {
  return value.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_, text) => Buffer.from(text, 'base64').toString('utf8'));
}

function parse(data) {
  const split = data.indexOf('\r\n\r\n');
  const head = data.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = Buffer.from(data.slice(split + 4).replace(/\s+/g, ''), 'base64').toString('utf8');
  return { headers, subject: decodeHeader(headers.subject ?? ''), body };
}

export async function startSmtpSink() {
  const messages = [];
  const waiting = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let data = '';
    let to = [];
    socket.write('220 sink.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push({ to, ...parse(Buffer.from(data, 'latin1').toString('utf8')) });
            for (const wake of waiting.splice(0)) wake();
            socket.write('250 OK queued\r\n');
          } else {
            data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 sink.test\r\n');
        else if (verb === 'MAIL') { to = []; socket.write('250 OK\r\n'); }
        else if (verb === 'RCPT') { to.push(line.replace(/^.*<|>.*$/g, '')); socket.write('250 OK\r\n'); }
        else if (verb === 'DATA') { inData = true; data = ''; socket.write('354 go ahead\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); }
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.address().port}`,
    messages,
    // The messages to `address` once there are at least `count`, waiting up to 15 s (a demo
    // server also e-mails its reminders to the demo's people).
    async waitFor(address, count = 1) {
      const to = () => messages.filter((message) => message.to.includes(address));
      const deadline = Date.now() + 15000;
      while (to().length < count && Date.now() < deadline) {
        await new Promise((resolve) => { waiting.push(resolve); setTimeout(resolve, 500); });
      }
      if (to().length < count) throw new Error(`only ${to().length} of ${count} e-mails to ${address} arrived`);
      return to();
    },
    close() { return new Promise((resolve) => server.close(resolve)); },
  };
}
