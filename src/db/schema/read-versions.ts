/**
 * How many times a workspace's data has changed: cached reads are valid only at the version they were read
 * at (docs/decisions/025). One row per workspace, plus `*` for changes that may touch any workspace.
 */
export interface ReadVersionsTable {
  /** A workspace id, or `*` (every workspace). */
  scope: string;
  version: number;
}
