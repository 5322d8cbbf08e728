// Local receivers for the channels tests: an HTTP server standing in for Slack and Teams incoming webhooks, which
// records every request and answers the statuses it is given in turn, and an SMTP server (smtp-server) recording
// every message with the credentials it was sent with.
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedRequest {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

export interface WebhookReceiver {
  /** The base, http://127.0.0.1:<port>; add the webhook's path. */
  base: string;
  received: ReceivedRequest[];
  /** The statuses to answer from now on, in turn (the last one repeats). */
  answer(statuses: number[]): void;
  close(): Promise<void>;
}

export async function webhookReceiver(statuses: number[] = [200]): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  let plan = statuses;
  let n = 0;
  const server: HttpServer = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(text) as unknown });
      const status = plan[Math.min(n++, plan.length - 1)] ?? 200;
      if (status >= 300 && status < 400) {
        res.writeHead(status, { location: '/elsewhere' }).end();
        return;
      }
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? `receiver failed with ${status}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    answer(next) {
      plan = next;
      n = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReceivedMail {
  from: string | null;
  to: string[];
  user: string | null;
  password: string | null;
  raw: string;
}

export interface SmtpReceiver {
  port: number;
  received: ReceivedMail[];
  /** Refuse messages from now on with this SMTP reply code (null: accept). */
  refuseWith(code: number | null): void;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 without TLS that takes AUTH PLAIN/LOGIN (allowInsecureAuth) and records each message. */
export async function smtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const auths = new Map<string, { user: string; password: string }>();
  let refuse: number | null = null;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, session, callback) {
      auths.set(session.id, { user: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse !== null) {
          const err = new Error('mailbox unavailable') as Error & { responseCode: number };
          err.responseCode = refuse;
          callback(err);
          return;
        }
        const auth = auths.get(session.id);
        const from = session.envelope.mailFrom;
        received.push({
          from: from ? from.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: auth?.user ?? null,
          password: auth?.password ?? null,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    refuseWith(code) {
      refuse = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A MIME part's body decoded from quoted-printable (what nodemailer uses for text with long lines or non-ASCII). */
export function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The decoded body of the first part of this content type in a raw message. */
export function mimePart(raw: string, contentType: string): string | null {
  const at = raw.indexOf(`Content-Type: ${contentType}`);
  if (at < 0) return null;
  const rest = raw.slice(at);
  const headerEnd = rest.search(/\r?\n\r?\n/);
  const headers = rest.slice(0, headerEnd);
  const body = rest.slice(headerEnd).replace(/^\r?\n\r?\n/, '');
  const end = body.search(/\r?\n--/);
  const content = end >= 0 ? body.slice(0, end) : body;
  const decoded = /Content-Transfer-Encoding: quoted-printable/i.test(headers)
    ? decodeQuotedPrintable(content)
    : /Content-Transfer-Encoding: base64/i.test(headers)
      ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
      : content;
  return decoded.replace(/\r\n/g, '\n');
}
