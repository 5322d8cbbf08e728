// The alignment room's part of the demo workspace: filled in below (history of the weekly score).
import type { Db } from '../../db/database.js';
import type { DemoContext } from '../../shared/contracts/demo.js';

export async function seedAlignmentDemo(_db: Db, _demo: DemoContext): Promise<void> {}
