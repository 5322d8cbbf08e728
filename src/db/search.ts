// The `q` search of list endpoints: the text, as typed, anywhere in one of the columns, ignoring case. % and _
// are searched for as themselves (escaped), never as wildcards. Both dialects: lower() and LIKE … ESCAPE.
import { sql, type Expression, type SqlBool } from 'kysely';

export function containsText(columns: ReadonlyArray<Expression<string | null>>, q: string): Expression<SqlBool> {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`(${sql.join(
    columns.map((c) => sql`lower(${c}) like ${pattern} escape '\\'`),
    sql` or `,
  )})`;
}
