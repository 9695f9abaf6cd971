/**
 * The order of issues in a year: folder name (YYYY-MM), `number` and `date` must tell the same
 * story. `bulletin new` computes the next issue from the latest one; `check` warns when a folder,
 * its number and its date disagree (a copied folder that still says 第2期, 2024-02-29).
 * Pure: the callers read the files.
 */
import type { Diagnostic, SourceLocation } from '../errors';
import { message } from '../messages';

/** What the sequence needs to know of one issue. */
export interface IssueStamp {
  readonly id: string;
  readonly number: number;
  /** YYYY-MM-DD. */
  readonly date: string;
}

const MONTH_FOLDER = /^(\d{4})-(\d{2})$/;

function ymd(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The latest issue by date (then by folder name); undefined for none. */
export function latestIssue(stamps: readonly IssueStamp[]): IssueStamp | undefined {
  return [...stamps].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)).pop();
}

/**
 * The issue after `previous`: in the month given by `id` (YYYY-MM) or else the next month; the
 * same day, or the month's last day when `previous` was dated on its month's last day (an issue
 * dated 2024-02-29 is followed by 2024-03-31); number + 1, or 1 in a new year.
 */
export function nextIssue(previous: IssueStamp, id?: string): IssueStamp {
  const last = ymd(previous.date);
  const wanted = id === undefined ? undefined : MONTH_FOLDER.exec(id);
  let year = last.year;
  let month = last.month + 1;
  if (wanted) {
    year = Number(wanted[1]);
    month = Number(wanted[2]);
  } else if (month > 12) {
    year++;
    month = 1;
  }
  const endOfMonth = last.day === daysInMonth(last.year, last.month);
  const day = endOfMonth ? daysInMonth(year, month) : Math.min(last.day, daysInMonth(year, month));
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { id: id ?? `${pad(year, 4)}-${pad(month)}`, number: year === last.year ? previous.number + 1 : 1, date };
}

/**
 * Warnings for `issue`: its YYYY-MM folder against its date, and its number against the issue
 * before it (the same year: one more; a new year: 1). `at` says where `number`/`date` are.
 */
export function sequenceWarnings(issue: IssueStamp, all: readonly IssueStamp[], at: (key: 'number' | 'date') => SourceLocation): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const folder = MONTH_FOLDER.exec(issue.id);
  const { year, month } = ymd(issue.date);
  if (folder && (Number(folder[1]) !== year || Number(folder[2]) !== month)) {
    warnings.push({
      severity: 'warning',
      location: at('date'),
      ...message('document.date-outside-issue-month', { date: issue.date, id: issue.id }),
      hint: message('document.date-outside-issue-month.hint', { id: issue.id }),
    });
  }
  const before = latestIssue(all.filter((other) => other.id !== issue.id && other.date < issue.date));
  if (before !== undefined) {
    const expected = ymd(before.date).year === year ? before.number + 1 : 1;
    if (issue.number !== expected) {
      warnings.push({
        severity: 'warning',
        location: at('number'),
        ...message('document.number-out-of-sequence', { number: issue.number, id: before.id, number2: before.number, date: before.date, expected }),
        hint: message('document.number-out-of-sequence.hint'),
      });
    }
  }
  return warnings;
}
