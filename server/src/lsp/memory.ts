// Keeps the server's memory near what it really holds. Every keystroke in a large plan leaves the
// previous full text (megabytes, in V8's large-object space) behind, and V8 collects that lazily:
// a 10,000-task plan would grow by hundreds of megabytes of garbage before a full collection.
// After checking a large document, once the heap has grown well past what survived the last
// collection, this runs one; it happens after the diagnostics are out, about every ten keystrokes
// in a 10,000-task plan.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const LARGE_TEXT = 1_000_000;
const GROWTH_BEFORE_COLLECTING = 64 * 1024 * 1024;

function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    // The same as starting Node with --expose-gc; the function appears in new contexts.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export class MemoryKeeper {
  private readonly gc = exposeGc();
  private afterLastCollection = process.memoryUsage().heapUsed;
  private scheduled = false;

  /** Call after publishing the results for a document of this length. */
  afterCheck(textLength: number): void {
    if (!this.gc || this.scheduled || textLength < LARGE_TEXT) return;
    if (process.memoryUsage().heapUsed - this.afterLastCollection < GROWTH_BEFORE_COLLECTING) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.gc!();
      this.afterLastCollection = process.memoryUsage().heapUsed;
    });
  }
}
