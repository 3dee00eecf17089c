// The "as of" day of the follow-up rules. The engine never reads a clock: the hosts (CLI, language
// server) pass today's date, or the day a user asked for to review a past quarter.

import type { IsoDate } from '../engine';

export { readAsOf } from '../engine';

/** Today in the local time zone of this machine (where the office is), as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
