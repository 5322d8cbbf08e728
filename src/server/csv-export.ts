// "Download CSV" of a list a person sees (SPEC S7 "CSV of every table a user sees"; docs/decisions/035): the CSV is the
// list's own JSON route, read page after page (200 at a time, following nextCursor) with the caller's credentials and
// the same filters, and written out row by row as it arrives. So a CSV holds exactly what the list holds for that
// person — the same rows, in the same order, with the same filters and the same access rules — without a second copy
// of any list's query, and memory stays flat however long the list. Cells go through csv.ts (quoted, formula-safe).
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { wallClockOf } from '../shared/calendar/wall-clock-of.js';
import type { Server } from './context.js';
import { csvRow } from './csv.js';
import { AppError, type ErrorCode } from './errors.js';

export interface CsvColumn<T> {
  header: string;
  cell: (item: T) => unknown;
}

/** A list the CSV reads: a paged route (followed to its last page), or one answer's array (`items`). */
export interface CsvSource<T> {
  /** The route, e.g. /api/v1/members. */
  list: string;
  /** The filters, as the list takes them (paging is the export's own). */
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** For a route that is not paged: the rows in its answer (a meeting's action items). */
  items?: (body: unknown) => T[];
}

export interface ListCsv<T> {
  /** What it reads, in order (upcoming meetings, then past ones). */
  sources: ReadonlyArray<CsvSource<T>>;
  /** What it is, for the file name: "members" → members-2026-12-04.csv. */
  name: string;
  /** The workspace's time zone: the file is dated by its day there. */
  timeZone: string;
  columns: ReadonlyArray<CsvColumn<T>>;
}

const PAGE = 200;

/** The OpenAPI answer of every CSV download. */
export const CsvAnswer = z.string().describe('CSV, UTF-8 with a BOM, a header row then one row an item; formula-like cells are prefixed with a quote');

function pageUrl(source: CsvSource<unknown>, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(source.query ?? {})) if (v !== undefined && k !== 'limit' && k !== 'cursor') params.set(k, String(v));
  if (!source.items) params.set('limit', String(PAGE));
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `${source.list}?${query}` : source.list;
}

/** The same credentials the caller sent: the list decides what this person may see. */
function credentials(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  if (req.headers.cookie) out.cookie = req.headers.cookie;
  if (req.headers.authorization) out.authorization = req.headers.authorization;
  return out;
}

async function readPage<T>(app: Server, req: FastifyRequest, source: CsvSource<T>, cursor: string | null): Promise<{ items: T[]; nextCursor: string | null }> {
  const res = await app.inject({ method: 'GET', url: pageUrl(source as CsvSource<unknown>, cursor), headers: credentials(req) });
  const body = JSON.parse(res.body) as { items?: T[]; nextCursor?: string | null; error?: { code: ErrorCode; message: string; details?: unknown } };
  const items = res.statusCode === 200 ? (source.items ? source.items(body) : body.items) : undefined;
  if (!Array.isArray(items)) throw new AppError(body.error?.code ?? 'internal', body.error?.message ?? 'The list could not be read.', body.error?.details);
  return { items, nextCursor: source.items ? null : (body.nextCursor ?? null) };
}

/** Streams the list as CSV. The first page is read before answering, so a refused list answers its own 4xx. */
export async function sendListAsCsv<T>(app: Server, req: FastifyRequest, reply: FastifyReply, spec: ListCsv<T>): Promise<FastifyReply> {
  const [head, ...rest] = spec.sources;
  if (!head) throw new AppError('internal', 'A CSV export names no list.');
  const first = await readPage<T>(app, req, head, null);
  async function* lines() {
    yield `\uFEFF${csvRow(spec.columns.map((c) => c.header))}`;
    for (const [i, source] of [head!, ...rest].entries()) {
      let page = i === 0 ? first : await readPage<T>(app, req, source, null);
      for (;;) {
        for (const item of page.items) yield csvRow(spec.columns.map((c) => c.cell(item)));
        if (!page.nextCursor) break;
        page = await readPage<T>(app, req, source, page.nextCursor);
      }
    }
  }
  const today = localDateTime(new Date().toISOString(), spec.timeZone).slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${spec.name}-${today}.csv"`)
    .send(Readable.from(lines()) as unknown as string);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the workspace's wall clock, "2026-12-04 09:30", for a spreadsheet (its zone is in the header). */
export function localDateTime(instant: string | null, timeZone: string): string {
  if (!instant) return '';
  const w = wallClockOf(Date.parse(instant), timeZone);
  return `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Yes or no, as a person reads a flag. */
export const yesNo = (v: boolean | null | undefined): string => (v ? 'Yes' : 'No');

/** The workspace's time zone, for the dates of a CSV. */
export async function timeZoneOf(db: Db, workspaceId: string): Promise<string> {
  return (await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow()).time_zone;
}
