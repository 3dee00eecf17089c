import type { Messages, SchemaType } from './types';

const SYNTAX: Record<string, string> = {
  TAB_AS_INDENT: 'Tabs cannot indent YAML; use spaces (common when text is pasted from Word).',
  MULTIPLE_DOCS: 'A plan file holds one YAML document (remove the second "---").',
  RESOURCE_EXHAUSTION: 'The document uses too many aliases; it may be malicious.',
};

const TYPE_NAMES: Record<SchemaType, string> = {
  string: 'text',
  integer: 'an integer',
  number: 'a number',
  array: 'a list',
  object: 'an object (key: value pairs)',
  null: 'empty',
  boolean: 'true or false',
};

const list = (items: string[]) => items.map((s) => `"${s}"`).join(', ');

export const en: Messages = {
  day: (iso) => iso,
  syntax: (code, detail) => `YAML syntax error: ${SYNTAX[code] ?? detail}`,
  limitExceeded: (what, limit) =>
    ({
      size: `The file is too large to check (limit ${limit.toLocaleString('en')} bytes; change "limits.maxFileBytes" in the config).`,
      depth: `The document nests too deeply (limit ${limit} levels; change "limits.maxDepth" in the config).`,
      line: `A line is too long (limit ${limit.toLocaleString('en')} characters; change "limits.maxLineLength" in the config).`,
      aliases: `The document uses too many aliases (limit ${limit}; change "limits.maxAliasCount" in the config).`,
    })[what],
  notUtf8: () => 'The file is not valid UTF-8 text; save it again as UTF-8.',
  binaryFile: () => 'The file looks binary, not YAML text.',

  schemaRootNotMap: () => 'A plan must be a YAML object with the two keys "plan" and "sections".',
  schemaMissingKey: (key, where) => `Missing required key "${key}" in ${where}.`,
  schemaUnknownKey: (key, where, suggestion) =>
    `"${key}" is not a key of the plan format (${where}).` + (suggestion ? ` Did you mean "${suggestion}"?` : ''),
  schemaWrongType: (key, expected) => `"${key}" must be ${expected.map((t) => TYPE_NAMES[t]).join(' or ')}.`,
  schemaBadArea: (value) => `Area "${value}" is not valid: use a Roman numeral from I to VIII.`,
  schemaBadCode: (value) => `Criterion code "${value}" is malformed: write N.M (criterion) or N.M.K (sub-criterion), e.g. "1.1", "3.2.2".`,
  schemaEmptyText: (key) => `"${key}" must not be empty.`,
  schemaYearRange: (min, max) => `The year must be between ${min} and ${max}.`,
  schemaOther: (key, detail) => `"${key}" is not valid: ${detail}.`,
  where: (kind, path) =>
    ({
      root: 'the plan',
      plan: 'the plan header (plan)',
      section: `section ${path.section ?? '?'}`,
      item: `item ${path.item ?? '?'} of section ${path.section ?? '?'}`,
      task: `task ${path.task ?? '?'} of item ${path.item ?? '?'}, section ${path.section ?? '?'}`,
    })[kind],

  missingLead: (empty) => (empty ? 'The task has no lead unit: "lead" is empty.' : 'The task has no lead unit (no "lead" key).'),
  missingDeadline: (empty) => (empty ? 'The task has no deadline: "deadline" is empty.' : 'The task has no deadline (no "deadline" key).'),
  unknownCriterion: (code, complete, suggestions, areaExists) =>
    (!areaExists
      ? `Code "${code}" belongs to no area of the index (areas are 1-8).`
      : complete
        ? `Code "${code}" is not in the criteria catalog.`
        : `Code "${code}" is not in the bundled criteria catalog (which is incomplete; load the official catalog file to be sure).`) +
    (suggestions.length ? ` Did you mean ${list(suggestions)}?` : ''),
  criterionAreaMismatch: (code, codeArea, sectionArea) => `Criterion "${code}" belongs to area ${codeArea} but sits in section ${sectionArea}.`,
  criterionNotString: (written, readAs) =>
    `Code "${written}" is not quoted, so YAML reads it as the number ${readAs}` +
    (written !== readAs ? ` (losing digits: "${written}" became ${readAs})` : '') +
    `. Write "${written}".`,
  duplicateCriterionInItem: (code) => `Code "${code}" is listed twice in the same item.`,
  duplicateCriterionInPlan: (code, firstWhere) => `Criterion "${code}" already appears in ${firstWhere}; put its tasks in one item.`,
  firstMention: () => 'First mention',
  unknownUnit: (text, suggestions) =>
    `Unit "${text}" is not in the unit registry.` + (suggestions.length ? ` Did you mean ${list(suggestions)}?` : ''),
  unitSpelling: (written, preferred, issue) =>
    ({
      abbreviation: `"${written}" is an abbreviation; write the full name "${preferred}".`,
      accents: `"${written}" is missing or misplacing Vietnamese accents; the name is "${preferred}".`,
      case: `"${written}" is capitalised differently; the name is "${preferred}".`,
    })[issue],
  unitSuperseded: (name, validTo, successors, basis, note) =>
    `"${name}" existed only until ${validTo}, but ${basis}.` +
    (successors.length ? ` Successor: ${list(successors)}.` : ' It has no successor.') +
    (note ? ` ${note}` : ''),
  unitNeverOfficial: (name, successors) =>
    `"${name}" was a proposed name that never became official.` + (successors.length ? ` The official name is ${list(successors)}.` : ''),
  unitNotYetValid: (name, validFrom, basis) => `"${name}" exists only from ${validFrom}, but ${basis}.`,
  supersededBasisDeadline: (deadline) => `the task's deadline is "${deadline}"`,
  supersededBasisYear: (year) => `the plan runs in ${year}`,
  flowListSplit: (joined) =>
    `The [ ] list was split at its commas: YAML reads "${joined}" as several units. Quote the name: ["${joined}"].`,
  invalidDeadline: (text, problem) => `Deadline "${text}" is not valid: ${problem}`,
  deadlineProblem: (problem, year = 2023) =>
    ({
      empty: 'it is empty.',
      unrecognized: `the wording is not recognised. Examples: "Năm ${year}", "Quý IV/${year}", "Tháng 12/${year}", "Trước 15/12/${year}", "Thường xuyên".`,
      'bad-date': 'that day does not exist.',
      'bad-month': 'the month must be 1 to 12.',
      'bad-quarter': 'the quarter must be I to IV.',
      'bad-range': 'it starts after it ends.',
    })[problem],
  deadlineOutsideYear: (text, year, end) => `Deadline "${text}" (until ${end}) falls outside the plan year ${year}.`,

  fixQuoteCode: (code) => `Quote the code: "${code}"`,
  fixReplaceWith: (text) => `Replace with "${text}"`,
  fixRemoveDuplicate: (code) => `Remove the repeated code "${code}"`,
  fixJoinFlowList: (joined) => `Join into "${joined}"`,
  fixNormalizeDeadline: (text) => `Rewrite the deadline as "${text}"`,
  fixRenameKey: (key) => `Rename the key to "${key}"`,
  fixUseSuccessor: (name) => `Replace with the successor "${name}"`,

  actionAddLead: () => 'Add a lead unit',
  actionAddDeadline: () => 'Add a deadline',
  placeholderUnit: () => 'Unit name',
  actionMoveItem: (area) => `Move the item to section ${area}`,
  actionSplitUnitList: () => 'Split into a list of units',
  actionDisableForLine: (code) => `Disable ${code} for this line`,
  actionFixAll: () => 'Fix all safely fixable problems',
  taskWithoutText: () => '(task without text)',
  sectionWithoutArea: () => '(section without an area)',
  itemWithoutCode: () => '(no criterion code)',

  statusName: (status) => ({ 'not-started': 'not started', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' })[status],
  periodName: (p) =>
    ({
      year: `year ${p.year}`,
      half: `${p.n === 1 ? 'first' : 'second'} half of ${p.year}`,
      quarter: `Q${p.n}/${p.year}`,
      month: `month ${p.n}/${p.year}`,
      week: `the week ${en.day(p.start)} to ${en.day(p.end)}`,
    })[p.unit],
  overdue: (deadline, end, days) => `Task overdue by ${days} day${days === 1 ? '' : 's'}: deadline "${deadline}" ended on ${end} and the task is not done.`,
  overdueReport: (deadline, period, days) => `No progress report for ${period} (deadline "${deadline}"; the period ended ${days} day${days === 1 ? '' : 's'} ago).`,
  dueSoon: (deadline, end, days) =>
    days === 0 ? `Task due today (${end}, deadline "${deadline}").` : `Task due in ${days} day${days === 1 ? '' : 's'} (${end}, deadline "${deadline}").`,
  doneLate: (done, end, days) => `Done on ${done}, ${days} day${days === 1 ? '' : 's'} after the deadline (${end}).`,
  doneWithoutDate: () => 'The task is done but its completion date ("done") is missing.',
  droppedWithoutReason: () => 'The task is dropped but no reason is given ("note").',
  invalidStatus: (text, suggestion) =>
    `Status "${text}" is not valid: use "chưa thực hiện", "đang thực hiện", "hoàn thành" or "không thực hiện" (or not-started, in-progress, done, dropped).` +
    (suggestion ? ` Did you mean "${suggestion}"?` : ''),
  invalidDay: (key, text) => `${key === 'done' ? 'Completion date' : 'Report date'} "${text}" is not a valid day; write e.g. 15/6/2026 or 2026-06-15.`,
  actionMarkDone: () => 'Mark as done',
  unitDataUsed: (province, overlays, userOverlay) =>
    `Data used: the national base` + (province ? ` for ${province}` : ' (no province recognised in "plan.issuer")') +
    (overlays.length ? `, with ${list(overlays)}` : '') + '.' +
    (userOverlay
      ? ` If this is a real unit of the province, add it to the overlay "${userOverlay}".`
      : ' If this is a real unit of the province, write an overlay with "par-plan units init" and name it as "registry" in .par-plan.json.'),
  unitOfOtherProvince: (text, named, ours, mergedIntoOurs) =>
    `"${text}" carries the name of ${named}` +
    (mergedIntoOurs && ours ? `, merged into ${ours} since 1/7/2025.` : ours ? `, but the plan is issued by ${ours}.` : '.'),
  issuerSucceeded: (named, successor, lastDay, year) =>
    `${named} existed only until ${lastDay}; a plan for ${year} belongs to ${successor}.`,
  unknownUnitSuggestion: (suggestions) => `Did you mean ${list(suggestions)}?`,
  deadlineOnlyCurlyQuotes: (inner) => `Only because of curly quotes pasted from Word: "${inner}" is a valid deadline.`,
  pastedCharacter: (kind, shown) =>
    ({
      nbsp: `A non-breaking space (pasted from Word) in "${shown}".`,
      'zero-width': `An invisible character (pasted from Word) in "${shown}".`,
      'curly-quotes': `Curly quotes (pasted from Word) around ${shown}: YAML keeps them in the value.`,
      bullet: `A bullet (pasted from Word) before the unit "${shown}".`,
    })[kind],
  fixPastedCharacter: (kind) =>
    ({ nbsp: 'Use an ordinary space', 'zero-width': 'Remove the invisible character', 'curly-quotes': 'Use straight quotes', bullet: 'Remove the bullet' })[kind],
  actionAddUnitToOverlay: (name, file) => `Add "${name}" to the overlay ${file} (to confirm)`,
  points: (n) => String(n),
  resultsScore: (obtained, max, year, lost) => `scored ${obtained}/${max} points in ${year}` + (lost > 0 ? ` (lost ${lost})` : ''),
  uncoveredLoss: (code, name, lost, obtained, max, year, parent) =>
    `Lost points the plan does not address: ${code}${name ? ` "${name}"` : ''} ${en.resultsScore(obtained, max, year, lost)}; no item names ${code}${parent ? ` or criterion ${parent}` : ''}.`,
  noLoss: (code, obtained, max, year) =>
    `Criterion ${code} lost no points in ${year}` + (obtained !== undefined && max !== undefined ? ` (${obtained}/${max})` : '') + '; this item wins back no lost points.',
  resultsYear: (resultsYear, indexYear, file) => `The results ${file} are for ${resultsYear}, not ${indexYear} (the plan's index-year).`,
  resultsIssuer: (resultsIssuer, planIssuer, file) => `The results ${file} are for "${resultsIssuer}", not "${planIssuer}".`,
  resultsFile: (file, problem) => `Cannot use the results file ${file}: ${problem}`,

  internalError: (step, detail) =>
    `Internal error in par-plan, please report it: ${typeof step === 'object' ? ('rule' in step ? `while running the rule ${step.rule}` : `while answering the editor's ${step.feature} request`) : step === 'plainData' ? "while reading the document's data" : 'while analysing the document'}: ${detail}. The other checks of this file may be incomplete.`,
};
