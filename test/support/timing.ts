// Time bounds in tests on a shared machine. A run over the bound is measured once more before it
// counts, as `exerciseTimed` (test/reliability/harness.ts) does for the fuzzer: a pause of the whole
// process (garbage collection, another test file on the same core) is not the code's doing; code
// that is really slow is slow twice.

/** Runs `run` and times it. */
export function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** Runs `measure`; when its `ms` is `limitMs` or more, runs it once more and returns the faster run. */
export function measuredTwiceIfSlow<R extends { ms: number }>(measure: () => R, limitMs: number): R {
  const first = measure();
  if (first.ms < limitMs) return first;
  const again = measure();
  return again.ms < first.ms ? again : first;
}
