// The signature on an inbound webhook (SPEC S7 "an HMAC signature option"; docs/decisions/031). A sender that
// holds the workspace's signing secret sends
//   X-Lockstep-Timestamp: <unix seconds>
//   X-Lockstep-Signature: sha256=<hex of HMAC-SHA256(secret, timestamp + "." + raw body)>
// The timestamp is signed with the body, so a captured request cannot be re-dated; one outside ±5 minutes of now
// is refused, and inside the window a signature seen before is a replay (the caller keeps the seen ones: in the
// database, so the refusal holds across instances and restarts). Pure: no clock, no I/O — the caller passes both.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-lockstep-timestamp';
export const SIGNATURE_HEADER = 'x-lockstep-signature';
/** How far a request's timestamp may be from now, either way: 5 minutes, as Stripe and Slack allow. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface SignatureCheckInput {
  secret: string;
  /** The request's headers, any case (Node lower-cases them; other callers may not). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The bytes as received: a body parsed and serialised again is not what was signed. */
  rawBody: Buffer | string;
  /** Now, in milliseconds since the epoch. */
  nowMs: number;
  /** Signatures already accepted inside the window (the route checks its table atomically instead). */
  seen?: ReadonlySet<string>;
  toleranceSeconds?: number;
}

export type SignatureCheck =
  | { ok: true; signature: string; timestamp: number; expiresAtMs: number }
  | { ok: false; message: string };

/** The hex HMAC a sender computes for this timestamp and body. */
export function signWebhook(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

function header(headers: SignatureCheckInput['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    // Two copies of the header: refuse rather than pick one.
    if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
    return value;
  }
  return undefined;
}

const HOW = 'Sign the request with the workspace signing secret: X-Lockstep-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">, with X-Lockstep-Timestamp in unix seconds.';

/** Whether the request carries a good, fresh, unseen signature; the refusal is a sentence for the sender. */
export function checkWebhookSignature(input: SignatureCheckInput): SignatureCheck {
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  const stamp = header(input.headers, TIMESTAMP_HEADER)?.trim();
  const given = header(input.headers, SIGNATURE_HEADER)?.trim();
  if (!stamp || !given) return { ok: false, message: `This workspace requires signed webhooks and the request has no ${!stamp ? 'X-Lockstep-Timestamp' : 'X-Lockstep-Signature'} header. ${HOW}` };
  if (!/^\d{1,12}$/.test(stamp)) return { ok: false, message: `X-Lockstep-Timestamp must be the time in whole unix seconds; it is "${stamp.slice(0, 40)}".` };
  const timestamp = Number(stamp);
  const skew = timestamp - Math.floor(input.nowMs / 1000);
  if (Math.abs(skew) > tolerance) {
    return { ok: false, message: `The request's timestamp is ${Math.abs(skew)} seconds in the ${skew < 0 ? 'past' : 'future'}; signed requests must be sent within ${tolerance / 60} minutes of the time they carry. Check the sender's clock and sign again.` };
  }
  const m = /^sha256=([0-9a-f]{64})$/i.exec(given);
  if (!m?.[1]) return { ok: false, message: `X-Lockstep-Signature must be sha256= followed by 64 hex digits. ${HOW}` };
  const expected = Buffer.from(signWebhook(input.secret, stamp, input.rawBody), 'hex');
  const received = Buffer.from(m[1], 'hex');
  // Both are 32 bytes (the pattern above), so timingSafeEqual compares in constant time without throwing.
  if (!timingSafeEqual(expected, received)) return { ok: false, message: `The signature does not match the body and timestamp. ${HOW}` };
  const signature = m[1].toLowerCase();
  if (input.seen?.has(signature)) return { ok: false, message: REPLAY };
  return { ok: true, signature, timestamp, expiresAtMs: (timestamp + tolerance) * 1000 };
}

export const REPLAY = 'This signed request was already received; a webhook is accepted once. Sign each request anew with its own timestamp.';
