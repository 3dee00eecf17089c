// Scenarios run inside a real VS Code extension host (test-electron, or code-server's payload).
// Plain JavaScript with no test framework, so it loads anywhere; `run()` throws on the first failure.
'use strict';
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const vscode = require('vscode');

const EXTENSION_ID = 'par-plan.par-plan';

function log(message) {
  console.log(`[par-plan e2e] ${message}`);
}

function waitFor(what, test, timeoutMs = 30000, describe = () => '') {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      let value;
      try {
        value = test();
      } catch (error) {
        value = undefined;
      }
      if (value) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}; saw ${describe()}`));
      setTimeout(check, 50);
    };
    check();
  });
}

const seen = (uri) => () => JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${d.source}:${typeof d.code === 'object' ? d.code.value : d.code}@${d.range.start.line}`));

function planDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'par-plan');
}

async function openSample() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'a workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, 'samples', 'ha-tinh-2023.par.yaml');
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, 'par-plan', 'a .par.yaml file gets the par-plan language');
  return { uri, document, editor };
}

const scenarios = {
  async 'the sample shows its five real gaps'() {
    const { uri } = await openSample();
    const diagnostics = await waitFor('five diagnostics', () => (planDiagnostics(uri).length === 5 ? planDiagnostics(uri) : undefined), 30000, seen(uri));
    assert.deepEqual(diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)), ['par/missing-lead', 'par/missing-deadline', 'par/missing-deadline', 'par/missing-lead', 'par/missing-deadline']);
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  },

  async 'a completion inserts a unit'() {
    const { document, editor } = await openSample();
    const line = document.getText().split('\n').findIndex((l) => l.includes('lead: [] # Ô trống'));
    const column = document.lineAt(line).text.indexOf('[]') + 1;
    await editor.edit((e) => e.insert(new vscode.Position(line, column), 'so noi'));
    const position = new vscode.Position(line, column + 'so noi'.length);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Sở Nội vụ');
    assert.ok(item, 'Sở Nội vụ is offered for "so noi"');
    const edit = item.textEdit || new vscode.TextEdit(item.range, item.insertText);
    await editor.edit((e) => e.replace(edit.range, typeof edit.newText === 'string' ? edit.newText : edit.newText.value));
    assert.ok(document.lineAt(line).text.includes('lead: [Sở Nội vụ]'), document.lineAt(line).text);
    await waitFor('four diagnostics after the fix', () => planDiagnostics(document.uri).length === 4, 30000, seen(document.uri));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  },

  async 'a quick-fix applies'() {
    // A real fix (not "silence"): the misspelled unit is replaced by the registry's name, nothing else moves.
    const text = [
      'plan:', '  title: Kế hoạch kiểm thử', '  issuer: UBND tỉnh Hà Tĩnh', '  year: 2023', 'sections:', '  - area: I', '    items:',
      '      - criteria: ["1.1"]', '        tasks:', '          - task: A', '            lead: "Sở Tư pháp; Sở Nội vụx" # chú thích', '            deadline: Năm 2023', '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'par-plan', content: text });
    await vscode.window.showTextDocument(document);
    const unknown = await waitFor('the unknown unit', () => planDiagnostics(document.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'par/unknown-unit'), 30000, seen(document.uri));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix, `a preferred fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), text.replace('Sở Nội vụx', 'Sở Nội vụ'));
    await waitFor('no diagnostics after the fix', () => planDiagnostics(document.uri).length === 0, 30000, seen(document.uri));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  },

  async 'the sample exports to Word and imports back'() {
    const { uri } = await openSample();
    const docx = vscode.Uri.joinPath(uri, '..', 'exported.docx');
    const back = vscode.Uri.joinPath(uri, '..', 'imported.par.yaml');
    await vscode.commands.executeCommand('parPlan.exportWord', uri, docx, { overwrite: true });
    const bytes = await vscode.workspace.fs.readFile(docx);
    assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'PK', 'a .docx is a zip');
    await vscode.commands.executeCommand('parPlan.importWord', docx, back, { overwrite: true });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(back));
    assert.ok(text.includes('title: Chỉ đạo điều hành CCHC'), text.slice(0, 400));
    await waitFor('the imported plan checked', () => planDiagnostics(back).length === 5, 30000, seen(back));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  },

  async 'a plan is made from a results table'() {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const table = vscode.Uri.joinPath(folder, 'samples', 'ket-qua-moi.csv');
    const plan = vscode.Uri.joinPath(folder, 'samples', 'ke-hoach-moi.par.yaml');
    const csv = 'KẾT QUẢ CHỈ SỐ CCHC NĂM 2022 CỦA TỈNH HÀ TĨNH\nMã;Tiêu chí;Điểm tối đa;Điểm đạt được\n2.4;Chất lượng văn bản;2;1,5\n3.2.2;;1;0,5\n1.1;;1;1\n';
    await vscode.workspace.fs.writeFile(table, new TextEncoder().encode(csv));
    await vscode.commands.executeCommand('parPlan.newPlanFromResults', table, plan, { issuer: 'UBND tỉnh Hà Tĩnh', year: 2023, replace: true });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(plan));
    assert.ok(text.includes('  results: "ket-qua-moi.par-results.yaml"'), text.slice(0, 600));
    assert.ok(text.includes('criteria: ["3.2.2"]') && !text.includes('"1.1"'), text);
    const results = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'samples', 'ket-qua-moi.par-results.yaml')));
    assert.ok(results.includes('obtained: 1.5'), results);
    // Two items, each with one task to fill in; no lost point left out.
    const codes = () => planDiagnostics(plan).map((d) => (typeof d.code === 'object' ? d.code.value : d.code)).sort().join(',');
    await waitFor('the new plan checked', () => codes() === 'par/missing-deadline,par/missing-deadline,par/missing-lead,par/missing-lead', 30000, seen(plan));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  },

  async 'the tree view lists the eight sections'() {
    await openSample();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    const api = await extension.activate();
    await api.tree.refresh();
    const sections = await waitFor('tree sections', () => {
      const roots = api.tree.getChildren();
      return roots.length === 8 ? roots : undefined;
    });
    assert.deepEqual(sections.map((s) => s.section.area), ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    api.tree.setGrouping('lead');
    assert.ok(api.tree.getChildren().some((g) => g.label === 'Sở Nội vụ'));
    api.tree.setGrouping('section');
  },
};

scenarios['a followed-up plan: overdue on the parPlan.asOf day, the tree by status, the report and the sheet'] = async () => {
  const folder = vscode.workspace.workspaceFolders[0];
  const uri = vscode.Uri.joinPath(folder.uri, 'samples', 'follow-up-e2e.par.yaml');
  const task = (text, deadline, extra = '') => `          - task: ${text}\n            lead: [Sở Nội vụ]\n            deadline: ${deadline}\n${extra}`;
  const plan =
    'plan:\n  title: Kế hoạch theo dõi\n  issuer: UBND tỉnh Hà Tĩnh\n  year: 2026\nsections:\n  - area: I\n    items:\n      - criteria: ["1.1"]\n        tasks:\n' +
    task('A', 'Quý II/2026', '            status: đang thực hiện\n') + task('B', 'Tháng 6/2026') + task('C', 'Trước 14/7/2026') +
    task('D', 'Quý II/2026', '            status: hoàn thành\n            done: 20/6/2026\n') + task('E', 'Quý IV/2026');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(plan));
  const config = vscode.workspace.getConfiguration('parPlan');
  await config.update('asOf', '15/7/2026', vscode.ConfigurationTarget.Global);
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const overdue = () => planDiagnostics(uri).filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'par/overdue');
    await waitFor('three overdue tasks on 15/7/2026', () => overdue().length === 3, 30000, seen(uri));
    const api = await vscode.extensions.getExtension(EXTENSION_ID).activate();
    await api.tree.refresh();
    await waitFor('the tree to count them', () => api.tree.current && api.tree.current.tree.overdue === 3);
    api.tree.setGrouping('status');
    const groups = api.tree.getChildren();
    assert.equal(groups[0].tasks.length, 3, 'the overdue group comes first');
    api.tree.setGrouping('section');
    const report = vscode.Uri.joinPath(folder.uri, 'samples', 'follow-up-e2e.bao-cao.docx');
    await vscode.commands.executeCommand('parPlan.report', uri, report, '15/7/2026');
    const bytes = await vscode.workspace.fs.readFile(report);
    assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'PK', 'the report is a .docx');
    const sheet = vscode.Uri.joinPath(folder.uri, 'samples', 'follow-up-e2e.xlsx');
    await vscode.commands.executeCommand('parPlan.followUpExport', uri, sheet, 'Sở Nội vụ');
    assert.ok(document.getText().includes('            id: t-'), 'ids were added to the plan');
    assert.equal(String.fromCharCode(...(await vscode.workspace.fs.readFile(sheet)).slice(0, 2)), 'PK');
  } finally {
    await config.update('asOf', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['follow-up-e2e.par.yaml', 'follow-up-e2e.bao-cao.docx', 'follow-up-e2e.xlsx']) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'samples', name)).then(undefined, () => undefined);
    }
  }
};

/** PIDs of this extension's language server processes (the test may kill them; the extension never runs processes). */
function serverPids(extensionPath) {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const server = `${extensionPath}/dist/server.js`;
  return table
    .split('\n')
    .filter((line) => line.includes(server))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

scenarios['the language server restarts after a crash and diagnostics come back'] = async () => {
  const { document, editor } = await openSample();
  await waitFor('five diagnostics', () => planDiagnostics(document.uri).length === 5, 30000, seen(document.uri));
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const before = serverPids(extension.extensionPath);
  assert.equal(before.length, 1, `one server process (${before})`);
  process.kill(before[0], 'SIGKILL');
  const after = await waitFor('a new server process', () => {
    const pids = serverPids(extension.extensionPath).filter((pid) => !before.includes(pid));
    return pids.length ? pids : undefined;
  });
  log(`server ${before[0]} killed; restarted as ${after[0]}`);
  // The new server must really work: fix one gap and see the diagnostics follow.
  const line = document.getText().split('\n').findIndex((l) => l.includes('lead: [] # Ô trống'));
  const column = document.lineAt(line).text.indexOf('[]') + 1;
  await waitFor('the restarted server to check the plan', () => planDiagnostics(document.uri).length === 5, 30000, seen(document.uri));
  await editor.edit((e) => e.insert(new vscode.Position(line, column), 'Văn phòng UBND tỉnh'));
  await waitFor('four diagnostics from the restarted server', () => planDiagnostics(document.uri).length === 4, 30000, seen(document.uri));
  await vscode.commands.executeCommand('workbench.action.files.revert');
};

async function run() {
  const only = process.env.PAR_PLAN_E2E_ONLY;
  let passed = 0;
  let failed = 0;
  for (const [name, scenario] of Object.entries(scenarios)) {
    if (only && !name.includes(only)) continue;
    try {
      await scenario();
      passed++;
      log(`ok   ${name}`);
    } catch (error) {
      failed++;
      log(`FAIL ${name}: ${error && error.stack ? error.stack : error}`);
    }
  }
  log(`${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} extension-host scenario(s) failed`);
}

module.exports = { run, scenarios };
