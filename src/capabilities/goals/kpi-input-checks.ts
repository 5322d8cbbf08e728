// The KPI input rules (domain/kpi-input-rules.ts) applied to a request whose KPI, and so unit, is known: every
// problem in one 400 `validation_failed`, each a sentence with the field's path in `details`, the first three as the
// message. Nothing is written when any value is refused.
import { AppError } from '../../server/errors.js';
import { measureProblem, valueDateProblem, type KpiUnit } from './domain/index.js';
import { CURRENCY } from './presenters.js';

export interface InputProblem {
  path: string;
  message: string;
}

function refuse(problems: readonly InputProblem[]): void {
  if (problems.length === 0) return;
  const rest = problems.length - 3;
  const message = `${problems.slice(0, 3).map((p) => p.message).join(' ')}${rest > 0 ? ` And ${rest} more (see the details).` : ''}`;
  throw new AppError('validation_failed', message, problems);
}

/** Refuses a target or baseline outside the KPI unit's domain (a null one is "not set" and always fine). */
export function refuseBadMeasures(kpi: { name: string; unit: KpiUnit }, fields: { target?: number | null | undefined; baseline?: number | null | undefined }): void {
  const problems: InputProblem[] = [];
  for (const field of ['target', 'baseline'] as const) {
    const value = fields[field];
    if (value === null || value === undefined) continue;
    const message = measureProblem(value, kpi.unit, { field, kpiName: kpi.name }, CURRENCY);
    if (message) problems.push({ path: `body.${field}`, message });
  }
  refuse(problems);
}

/**
 * Refuses values outside the KPI unit's domain or dated outside the window. A pasted value carries its line
 * (the person's line number), and its problem is worded and placed by it.
 */
export function refuseBadValues(kpi: { name: string; unit: KpiUnit }, values: ReadonlyArray<{ date: string; value: number; line?: number }>, today: string): void {
  const problems: InputProblem[] = [];
  values.forEach((v, i) => {
    const at = (field: 'date' | 'value', message: string): InputProblem =>
      v.line === undefined ? { path: `body.values.${i}.${field}`, message } : { path: 'body.text', message: `Line ${v.line}: ${message}` };
    const date = valueDateProblem(v.date, today);
    if (date) problems.push(at('date', date));
    const value = measureProblem(v.value, kpi.unit, { field: 'value', kpiName: kpi.name, date: v.date }, CURRENCY);
    if (value) problems.push(at('value', value));
  });
  refuse(problems);
}
