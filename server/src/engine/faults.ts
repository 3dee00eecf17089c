// Test-only fault injection. A test names the sites that must throw (`injectFaults('rule:par/missing-lead')`,
// or through the hosts' PAR_PLAN_TEST_FAULT variable for a spawned CLI or server); each site calls
// `faultPoint`, which costs one comparison while nothing is injected. It proves that an internal error
// reaches the user as `par/internal` and turns the fuzz, corpus and robustness tests red.
//
// Sites: `analysis` (building the model), `rule` or `rule:<code>`, `plainData`, `deadline`,
// `feature` or `feature:<name>` (hover, completion, codeActions, symbols, folding, tree, references),
// `import` (Word and text import), `write` (between writing a file's temporary copy and the rename).

let injected: ReadonlySet<string> | undefined;

export class InjectedFault extends Error {
  constructor(readonly site: string) {
    super(`injected fault at ${site} (test only)`);
    this.name = 'InjectedFault';
  }
}

/** Comma-separated sites; empty or undefined removes every fault. */
export function injectFaults(sites: string | undefined): void {
  const list = (sites ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  injected = list.length ? new Set(list) : undefined;
}

/** Throws when the site, or its family (`rule` for `rule:par/x`), was injected. */
export function faultPoint(site: string): void {
  if (injected === undefined) return;
  const colon = site.indexOf(':');
  if (injected.has(site) || (colon > 0 && injected.has(site.slice(0, colon)))) throw new InjectedFault(site);
}
