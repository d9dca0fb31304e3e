import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback for the tests of e-mail (issue 15 §3), with a small MIME reader for
// what nodemailer writes: encoded words in the subject, text/plain and text/html parts in
// quoted-printable or base64.

export type Received = { from: string; to: string[]; subject: string; text: string; html: string };

const decodeQp = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

const decodeWords = (s: string) =>
  s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQp(data.replace(/_/g, ' ')),
    );

function headersOf(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

function split(raw: string): [Map<string, string>, string] {
  const i = raw.search(/\r?\n\r?\n/);
  return [headersOf(raw.slice(0, i)), raw.slice(i).replace(/^\r?\n\r?\n/, '')];
}

function bodyOf(headers: Map<string, string>, body: string): string {
  const enc = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return decodeQp(body);
  return body;
}

/** text/plain and text/html of a message, through nested multipart parts. */
function partsOf(raw: string, out: { text: string; html: string }) {
  const [headers, body] = split(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      partsOf(part.replace(/^\r?\n/, ''), out);
    }
  } else if (type.startsWith('text/html')) out.html = bodyOf(headers, body);
  else if (type.startsWith('text/plain')) out.text = bodyOf(headers, body);
}

export function parseMail(raw: string, to: string[]): Received {
  const [headers] = split(raw);
  const out = { text: '', html: '' };
  partsOf(raw, out);
  return {
    from: decodeWords(headers.get('from') ?? ''),
    to,
    subject: decodeWords(headers.get('subject') ?? ''),
    ...out,
  };
}

/** Starts the server on a free port; `state.fail` makes it refuse messages (a failing relay). */
export async function startSmtp() {
  const received: Received[] = [];
  const state = { fail: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.fail) return callback(new Error('Сервер почты недоступен'));
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push(parseMail(Buffer.concat(chunks).toString('latin1'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, state, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
