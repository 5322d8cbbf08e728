// Prints one closing line, `N passed, N failed` (`, N skipped` when some were), that CI reads whatever
// else the default reporter printed. Counts tests, not files; a file that failed to load counts as one
// failure, and so does an unhandled error, so a broken run never reads as green.
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

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
    const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`\n${line}\n`);
  }
}
