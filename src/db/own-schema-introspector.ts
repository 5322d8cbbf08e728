// Kysely's PostgreSQL introspector reads the tables of every schema in the database, and its query resolves each
// table by name (pg_get_serial_sequence, has_schema_privilege): a schema dropped while that query runs makes it
// fail with 'schema "…" does not exist'. The migrator asks it whether its own tables exist on every start, and the
// workspace export reads its columns, so one instance's start could fail because another app's schema in the
// same database (the API tests give each file one, and drop it at the end) was dropped at that moment. This one
// reads only the connection's own schema (current_schema(), the first of the search_path), which is all either
// caller wants, and returns what Kysely's does for it.
import { PostgresDialect, sql, type ColumnMetadata, type DatabaseIntrospector, type DatabaseMetadata, type DatabaseMetadataOptions, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

// Kysely's own migration tables, hidden unless asked for (as Kysely's introspector does).
const KYSELY_TABLES = ['kysely_migration', 'kysely_migration_lock'];

interface ColumnRow {
  table: string;
  table_type: string;
  schema: string;
  column: string;
  not_null: boolean;
  has_default: boolean;
  type: string;
  type_schema: string;
  column_description: string | null;
  auto_incrementing: string | null;
}

export class OwnSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const rows = (await sql<{ name: string | null }>`select current_schema() as name`.execute(this.db)).rows;
    return rows.flatMap((r) => (r.name ? [{ name: r.name }] : []));
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const rows = (
      await sql<ColumnRow>`
        select c.relname as "table", c.relkind as table_type, ns.nspname as "schema",
          a.attname as "column", a.attnotnull as not_null, a.atthasdef as has_default,
          typ.typname as "type", dtns.nspname as type_schema,
          col_description(a.attrelid, a.attnum) as column_description,
          pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) as auto_incrementing
        from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on a.attrelid = c.oid
        join pg_catalog.pg_namespace ns on c.relnamespace = ns.oid
        join pg_catalog.pg_type typ on a.atttypid = typ.oid
        join pg_catalog.pg_namespace dtns on typ.typnamespace = dtns.oid
        where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p') and a.attnum >= 0 and not a.attisdropped
        order by c.relname, a.attnum`.execute(this.db)
    ).rows;
    const tables = new Map<string, { name: string; isView: boolean; schema: string; columns: ColumnMetadata[] }>();
    for (const r of rows) {
      if (!options.withInternalKyselyTables && KYSELY_TABLES.includes(r.table)) continue;
      let table = tables.get(r.table);
      if (!table) {
        table = { name: r.table, isView: r.table_type === 'v', schema: r.schema, columns: [] };
        tables.set(r.table, table);
      }
      table.columns.push({
        name: r.column,
        dataType: r.type,
        dataTypeSchema: r.type_schema,
        isAutoIncrementing: r.auto_incrementing !== null,
        isNullable: !r.not_null,
        hasDefaultValue: r.has_default,
        ...(r.column_description !== null ? { comment: r.column_description } : {}),
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** PostgreSQL as Kysely speaks it, introspecting only the connection's own schema. */
export class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}
