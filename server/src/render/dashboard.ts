// The dashboard as plain data: a few bar charts a leader reads at a glance, and the tasks that lack a
// lead unit or a deadline. Every bar keeps the tasks behind it (their numbers in the plan), so a
// click can list them. Computed from the PlanView alone.
//
// A chart has one or more series, drawn side by side ("grouped") or on top of each other
// ("stacked"). Charts and series appear only for data the plan has: a plan with task statuses can
// stack the lead chart by status, a plan with results can add points per area, with no change to
// this shape or to the SVG drawing.

import type { RenderText } from './render-text';
import type { PlanView, TaskRowView } from './plan-view';

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartBar {
  label: string;
  /** One value per series. */
  values: number[];
  /** The tasks behind each value, by TaskRowView.index, one list per series. */
  tasks: number[][];
}

export interface Chart {
  id: 'lead' | 'quarter' | 'area' | 'top';
  title: string;
  description: string;
  series: ChartSeries[];
  layout: 'grouped' | 'stacked';
  bars: ChartBar[];
  /** A line under the chart, such as how many bars were left out. */
  note?: string;
}

export interface TaskList {
  id: 'no-lead' | 'no-deadline';
  title: string;
  tasks: number[];
}

export interface Dashboard {
  totals: { sections: number; items: number; tasks: number; findings: number };
  charts: Chart[];
  lists: TaskList[];
}

/** Bars beyond this many in the lead chart are summed up in its note. */
const MAX_LEAD_BARS = 20;
const TOP_UNITS = 10;

function tasksOf(view: PlanView): { row: TaskRowView; area: string }[] {
  return view.sections.flatMap((s) => s.items.flatMap((i) => i.tasks.map((row) => ({ row, area: s.area }))));
}

function quarterLabel(key: string, t: RenderText): string {
  if (key === 'recurring') return t.recurring;
  if (key === 'invalid') return t.unreadableDeadline;
  if (key === 'none') return t.noDeadline;
  const [year, quarter] = key.split('-Q');
  return t.quarter(['I', 'II', 'III', 'IV'][Number(quarter) - 1] ?? quarter, year);
}

/** Quarters in time order, then recurring, unreadable and missing deadlines. */
function quarterOrder(key: string): string {
  const rank = { recurring: '1', invalid: '2', none: '3' }[key] ?? '0';
  return `${rank}${key}`;
}

export function dashboardOf(view: PlanView, t: RenderText): Dashboard {
  const tasks = tasksOf(view);
  const byUnit = new Map<string, { lead: number[]; support: number[] }>();
  const unit = (name: string) => byUnit.get(name) ?? byUnit.set(name, { lead: [], support: [] }).get(name)!;
  const byQuarter = new Map<string, number[]>();
  const byArea = new Map<string, { tasks: number[]; findings: number; withFindings: number[] }>();
  for (const s of view.sections) {
    const area = byArea.get(s.area) ?? byArea.set(s.area, { tasks: [], findings: 0, withFindings: [] }).get(s.area)!;
    area.findings += s.problems.errors + s.problems.warnings + s.problems.infos;
  }
  for (const { row, area } of tasks) {
    for (const name of row.leadUnits) unit(name).lead.push(row.index);
    for (const name of row.supportUnits) unit(name).support.push(row.index);
    (byQuarter.get(row.quarter) ?? byQuarter.set(row.quarter, []).get(row.quarter)!).push(row.index);
    const a = byArea.get(area)!;
    a.tasks.push(row.index);
    if (row.problems.errors + row.problems.warnings + row.problems.infos) a.withFindings.push(row.index);
  }

  const leadSeries = [
    { key: 'lead', label: t.seriesLead },
    { key: 'support', label: t.seriesSupport },
  ];
  const leaders = [...byUnit.entries()]
    .filter(([, u]) => u.lead.length)
    .sort(([a, x], [b, y]) => y.lead.length - x.lead.length || y.support.length - x.support.length || a.localeCompare(b, 'vi'));
  const charts: Chart[] = [];
  if (leaders.length) {
    charts.push({
      id: 'lead',
      ...t.chartLead,
      series: leadSeries,
      layout: 'grouped',
      bars: leaders.slice(0, MAX_LEAD_BARS).map(([label, u]) => ({ label, values: [u.lead.length, u.support.length], tasks: [u.lead, u.support] })),
      note: leaders.length > MAX_LEAD_BARS ? t.moreUnits(leaders.length - MAX_LEAD_BARS) : undefined,
    });
  }
  if (byQuarter.size) {
    charts.push({
      id: 'quarter',
      ...t.chartQuarter,
      series: [{ key: 'tasks', label: t.seriesTasks }],
      layout: 'grouped',
      bars: [...byQuarter.keys()]
        .sort((a, b) => quarterOrder(a).localeCompare(quarterOrder(b)))
        .map((key) => ({ label: quarterLabel(key, t), values: [byQuarter.get(key)!.length], tasks: [byQuarter.get(key)!] })),
    });
  }
  if (byArea.size) {
    charts.push({
      id: 'area',
      ...t.chartArea,
      series: [
        { key: 'tasks', label: t.seriesTasks },
        { key: 'findings', label: t.seriesFindings },
      ],
      layout: 'grouped',
      bars: view.sections
        .map((s) => s.area)
        .filter((a, i, all) => all.indexOf(a) === i)
        .map((area) => {
          const a = byArea.get(area)!;
          const title = view.sections.find((s) => s.area === area)?.title;
          return { label: title ? `${area}. ${title}` : area, values: [a.tasks.length, a.findings], tasks: [a.tasks, a.withFindings] };
        }),
    });
  }
  const carriers = [...byUnit.entries()]
    .map(([label, u]) => ({ label, all: [...new Set([...u.lead, ...u.support])].sort((a, b) => a - b) }))
    .sort((a, b) => b.all.length - a.all.length || a.label.localeCompare(b.label, 'vi'))
    .slice(0, TOP_UNITS);
  if (carriers.length) {
    charts.push({
      id: 'top',
      ...t.chartTop,
      series: [{ key: 'all', label: t.seriesAll }],
      layout: 'grouped',
      bars: carriers.map((c) => ({ label: c.label, values: [c.all.length], tasks: [c.all] })),
    });
  }
  return {
    totals: {
      sections: view.sections.length,
      items: view.sections.reduce((n, s) => n + s.items.length, 0),
      tasks: view.taskCount,
      findings: view.problems.errors + view.problems.warnings + view.problems.infos,
    },
    charts,
    lists: [
      { id: 'no-lead', title: t.listNoLead, tasks: tasks.filter(({ row }) => !row.task.lead.length).map(({ row }) => row.index) },
      { id: 'no-deadline', title: t.listNoDeadline, tasks: tasks.filter(({ row }) => !row.task.deadline).map(({ row }) => row.index) },
    ],
  };
}
