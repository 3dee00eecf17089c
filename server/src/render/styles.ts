// The one stylesheet of the preview, the dashboard and the exported page. Colours come from VS Code's
// theme variables (--vscode-*) inside a webview, so light, dark and high-contrast themes apply; outside
// VS Code those variables are undefined and the fallbacks give a printable black-on-white page.
// No style attribute anywhere: the webview's Content-Security-Policy allows this stylesheet only.

export const PLAN_STYLES = `
:root {
  --pp-fg: var(--vscode-editor-foreground, #111);
  --pp-bg: var(--vscode-editor-background, #fff);
  --pp-muted: var(--vscode-descriptionForeground, #555);
  --pp-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, #444));
  --pp-head-bg: var(--vscode-editorWidget-background, #f2f2f2);
  --pp-section-bg: var(--vscode-editor-inactiveSelectionBackground, #e8e8e8);
  --pp-active: var(--vscode-editor-selectionHighlightBackground, #fff3b0);
  --pp-focus: var(--vscode-focusBorder, #0a64d6);
  --pp-error: var(--vscode-editorError-foreground, #c62828);
  --pp-warning: var(--vscode-editorWarning-foreground, #b26a00);
  --pp-info: var(--vscode-editorInfo-foreground, #1565c0);
  --pp-series-0: var(--vscode-charts-blue, #1f6fb2);
  --pp-series-1: var(--vscode-charts-orange, #d9822b);
  --pp-series-2: var(--vscode-charts-green, #388e3c);
  --pp-series-3: var(--vscode-charts-purple, #7b1fa2);
  --pp-font: var(--vscode-font-family, "Times New Roman", "Noto Serif", serif);
}
* { box-sizing: border-box; }
body { margin: 0; padding: 12px 16px 32px; color: var(--pp-fg); background: var(--pp-bg); font-family: var(--pp-font); font-size: 13px; line-height: 1.4; }
.doc-header { display: grid; grid-template-columns: 36% 64%; text-align: center; font-weight: bold; margin-bottom: 8px; }
.doc-header .issuer { text-transform: uppercase; }
.doc-header .issuer::after { content: ""; display: block; width: 34%; margin: 3px auto 0; border-bottom: 1px solid var(--pp-fg); }
.doc-header .motto span { display: block; }
.doc-header .motto .sub { text-decoration: underline; }
.doc-title { text-align: center; margin: 10px 0 12px; }
.doc-title .appendix, .doc-title .title { font-weight: bold; text-transform: uppercase; margin: 0; font-size: 14px; }
.doc-title .basis { font-style: italic; margin: 2px 0 0; }
.summary { color: var(--pp-muted); margin: 4px 0 8px; }
.plan-marks { margin: 6px 0 10px; padding: 0 0 0 18px; }
.plan-marks li { cursor: pointer; }
table.appendix { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.appendix th, table.appendix td { border: 1px solid var(--pp-border); padding: 3px 5px; vertical-align: top; overflow-wrap: anywhere; }
table.appendix thead th { background: var(--pp-head-bg); text-align: center; vertical-align: middle; font-weight: bold; }
table.appendix tr.section td { background: var(--pp-section-bg); font-weight: bold; }
table.appendix td.stt, table.appendix td.deadline { text-align: center; }
table.appendix td.task { text-align: justify; }
table.appendix td p { margin: 0; }
table.appendix td p + p { margin-top: 2px; }
.section-problems { float: right; font-weight: normal; color: var(--pp-muted); }
td.marked { outline: 2px solid var(--pp-warning); outline-offset: -2px; }
td.marked.error { outline-color: var(--pp-error); }
td.marked.info { outline-color: var(--pp-info); outline-style: dashed; }
td.marked .mark-text { display: block; margin-top: 2px; font-size: 11px; color: var(--pp-warning); }
td.marked.error .mark-text { color: var(--pp-error); }
td.marked.info .mark-text { color: var(--pp-info); }
.interactive { font-size: 12px; }
/* A side panel is narrow: the table keeps readable columns and scrolls sideways instead. */
.interactive table.appendix { min-width: 760px; }
.interactive tbody tr { cursor: pointer; }
.interactive tbody tr:hover td { background: var(--vscode-list-hoverBackground, #f5f5f5); }
.interactive tbody tr.active td { background: var(--pp-active); }
.interactive tbody tr.active { outline: 1px solid var(--pp-focus); }
.interactive tbody tr:focus-visible, .interactive [data-task]:focus-visible, .interactive [data-mark]:focus-visible { outline: 2px solid var(--pp-focus); outline-offset: -2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
h2.part { font-size: 16px; margin: 24px 0 8px; }
.dashboard .totals { color: var(--pp-muted); margin: 0 0 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
figure.chart { margin: 0; padding: 8px 10px; border: 1px solid var(--pp-border); break-inside: avoid; }
figure.chart h3 { margin: 0; font-size: 14px; }
figure.chart .description, figure.chart .note { margin: 2px 0 6px; color: var(--pp-muted); font-size: 12px; }
svg.chart-svg { display: block; width: 100%; height: auto; font-family: var(--pp-font); }
svg.chart-svg text { fill: var(--pp-fg); font-size: 12px; }
svg.chart-svg text.value { fill: var(--pp-muted); font-size: 11px; }
svg.chart-svg .s0 { fill: var(--pp-series-0); }
svg.chart-svg .s1 { fill: var(--pp-series-1); }
svg.chart-svg .s2 { fill: var(--pp-series-2); }
svg.chart-svg .s3 { fill: var(--pp-series-3); }
svg.chart-svg .axis { stroke: var(--pp-border); }
.interactive svg.chart-svg rect.bar { cursor: pointer; }
.interactive svg.chart-svg rect.bar:hover, .interactive svg.chart-svg rect.bar:focus { stroke: var(--pp-focus); stroke-width: 2; outline: none; }
details.chart-data { font-size: 12px; }
details.chart-data table { border-collapse: collapse; margin-top: 4px; }
details.chart-data th, details.chart-data td { border: 1px solid var(--pp-border); padding: 1px 6px; text-align: left; }
details.chart-data td.num { text-align: right; }
.task-lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; margin-top: 16px; }
.task-list h3 { font-size: 14px; margin: 0 0 4px; }
.task-list ol { margin: 0; padding-left: 20px; }
.interactive .task-list li { cursor: pointer; text-decoration: underline dotted; }
.footer { margin-top: 24px; color: var(--pp-muted); font-size: 11px; }
@page { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }
@media print {
  body { padding: 0; font-size: 12pt; font-family: "Times New Roman", serif; }
  table.appendix thead { display: table-header-group; }
  /* As in the Word export: header and section rows never split, a section row stays with its first
     task; long task rows may continue on the next page. */
  table.appendix thead tr, table.appendix tr.section { break-inside: avoid; }
  table.appendix tr.section { break-after: avoid; }
  section.dashboard { break-before: page; }
  details.chart-data { display: none; }
  .charts { grid-template-columns: 1fr 1fr; }
}
`;
