// How every list endpoint pages (docs/decisions/023-pagination.md): keyset pagination with `limit` and an
// opaque `cursor`, answered as `{ items, nextCursor }`. These are the Zod pieces every room's schemas use, so
// the page parameters read and validate the same on every list and show in the OpenAPI document. The cursor
// itself is made and read by the kernel (src/server/pagination.ts).
import { z } from 'zod';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

const between = `must be a whole number from 1 to ${PAGE_LIMIT_MAX}`;

export const PageQuery = z.strictObject({
  limit: z.coerce
    .number({ message: between })
    .int({ message: between })
    .min(1, { message: between })
    .max(PAGE_LIMIT_MAX, { message: between })
    .default(PAGE_LIMIT_DEFAULT)
    .describe(`How many items to answer: 1 to ${PAGE_LIMIT_MAX}; ${PAGE_LIMIT_DEFAULT} when left out.`),
  cursor: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('Where to go on from: the `nextCursor` of the page before, exactly as it came. Leave it out for the first page.'),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of a list: its items in the list's order, and the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass it as `cursor` to get the next page; null when this is the last one.'),
  });
}

/** A search word for `q`: trimmed; empty means no search. */
export const SearchText = z.string().trim().max(100, { message: 'can be at most 100 characters' });

/** `true` / `false` in a query string. */
export const QueryFlag = z.enum(['true', 'false']);
