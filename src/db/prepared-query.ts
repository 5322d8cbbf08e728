// A query built and compiled once per database, then run with new arguments under a name: for the queries
// every request makes (the credentials lookup). Building it with Kysely on every request cost more than
// running it on SQLite, and on PostgreSQL it runs as a named prepared statement, planned once per connection
// (ARCHITECTURE "Read path"). It is compiled with a sentinel per argument; each run puts the values in their
// places.
import type { Compilable } from 'kysely';
import type { Database, Db } from './database.js';

const sentinel = (i: number): string => `\u0000prepared-argument-${i}\u0000`;

interface Compiled {
  sql: string;
  parameters: readonly unknown[];
  /** Where each argument goes: [parameter position, argument index]. */
  slots: Array<[number, number]>;
}

/** `build` receives one placeholder string per argument and must use each as a value only (a parameter). */
export function preparedQuery<Args extends string[], Row>(
  name: string,
  build: (db: Db, ...args: Args) => Compilable<Row>,
): (db: Database, ...args: Args) => Promise<Row | undefined> {
  const byDatabase = new WeakMap<Database, Compiled>();
  return async (db, ...args) => {
    let compiled = byDatabase.get(db);
    if (!compiled) {
      const query = build(db.kysely, ...(args.map((_, i) => sentinel(i)) as Args)).compile();
      const slots: Array<[number, number]> = [];
      query.parameters.forEach((p, position) => {
        const argument = args.findIndex((_, i) => p === sentinel(i));
        if (argument >= 0) slots.push([position, argument]);
      });
      if (new Set(slots.map(([, a]) => a)).size !== args.length) throw new Error(`preparedQuery ${name}: every argument must be used, as a parameter`);
      compiled = { sql: query.sql, parameters: query.parameters, slots };
      byDatabase.set(db, compiled);
    }
    const parameters = [...compiled.parameters];
    for (const [position, argument] of compiled.slots) parameters[position] = args[argument];
    const rows = await db.runNamed<Row>(name, { sql: compiled.sql, parameters });
    return rows[0];
  };
}
