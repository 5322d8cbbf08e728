// Prints one closing line, `N passed, N failed` (`, N skipped` when some were), that CI reads whatever
// else the default reporter printed. Counts tests, not files; a file that failed to load counts as one
// failure, and so does an unhandled error, so a broken run never reads as green. Before it, each project's
// time in the workers and the ten slowest test files, so a run that grows towards CI's limit shows where its
// time went.
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

const SLOWEST = 10;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A file's time in its worker: importing it (and what it imports), then its hooks and tests. */
function fileTime(mod: TestModule): { total: number; imports: number } {
  const d = mod.diagnostic();
  const imports = d.prepareDuration + d.collectDuration + d.setupDuration;
  return { total: imports + d.duration, imports };
}

function slowestFiles(testModules: ReadonlyArray<TestModule>): string[] {
  const timed = testModules.map((mod) => ({ mod, ...fileTime(mod) })).sort((a, b) => b.total - a.total);
  if (timed.length < 2) return [];
  const width = Math.max(...timed.slice(0, SLOWEST).map((t) => t.mod.project.name.length));
  const byProject = new Map<string, number>();
  for (const t of timed) byProject.set(t.mod.project.name, (byProject.get(t.mod.project.name) ?? 0) + t.total);
  return [
    `Time in workers by project: ${[...byProject].map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`,
    `Slowest test files (of ${timed.length}; time in its worker, of which importing):`,
    ...timed.slice(0, SLOWEST).map((t) => `  ${seconds(t.total).padStart(8)}  ${t.mod.project.name.padEnd(width)}  ${t.mod.relativeModuleId} (imports ${seconds(t.imports)})`),
  ];
}

export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, _reason: TestRunEndReason): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that threw while loading, or a failing beforeAll/afterAll, may leave no failed test to
      // show for it: count each such module or suite as one failure.
      for (const suite of [mod, ...mod.children.allSuites()]) {
        if (suite.errors().length > 0 && ![...suite.children.allTests('failed')].length) failed++;
      }
    }
    failed += unhandledErrors.length;
    const slowest = slowestFiles(testModules);
    if (slowest.length > 0) process.stdout.write(`\n${slowest.join('\n')}\n`);
    // Always the very last line: .ci/run reads it.
    const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`\n${line}\n`);
  }
}
