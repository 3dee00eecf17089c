// The plan drawn for people: the appendix table and the dashboard, as plain data (plan-view.ts,
// dashboard.ts) and as HTML (html.ts). Pure; shared by the language server (the preview and dashboard
// webviews) and the CLI (`par-plan export plan.par.yaml -o plan.html`).

export { planView, type PlanView, type SectionView, type ItemView, type TaskRowView, type CellView, type Mark, type ColumnKey } from './plan-view';
export { dashboardOf, type Dashboard, type Chart, type ChartBar, type ChartSeries, type TaskList } from './dashboard';
export { appendixRows, headerHtml, tableHeadHtml, dashboardHtml, taskLabels, exportPage, escapeHtml, type AppendixRow, type RenderedDashboard } from './html';
export { renderText, type RenderText } from './render-text';
export { PLAN_STYLES } from './styles';
