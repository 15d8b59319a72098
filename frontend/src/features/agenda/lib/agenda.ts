import type { Agenda, AgendaCounts, AgendaItem } from '../api/get-agenda';

/** Where an item shows on the agenda; each name is also the count that goes with it. */
export type AgendaSection = keyof Pick<AgendaCounts, 'overdue' | 'today' | 'upcoming' | 'returning' | 'repeatInquiries'>;

export const SECTIONS = ['overdue', 'today', 'upcoming', 'returning', 'repeatInquiries'] as const satisfies readonly AgendaSection[];

/** Plan tasks and planned follow-ups can be done or moved; the others are settled by following up. */
export function isSchedulable(item: AgendaItem): boolean {
  return item.kind === 'PLAN_STEP' || item.kind === 'NEXT_FOLLOW_UP';
}

/** `day` (YYYY-MM-DD, a store day) moved by `days`: calendar arithmetic, no time zone involved. */
export function addDays(day: string, days: number): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

export function sectionOf(item: AgendaItem, today: string): AgendaSection {
  if (item.kind === 'POOL_RETURN') return 'returning';
  if (item.kind === 'REPEAT_INQUIRY') return 'repeatInquiries';
  if (item.overdue) return 'overdue';
  return item.dueOn <= today ? 'today' : 'upcoming';
}

function countChange(agenda: Agenda, item: AgendaItem, by: 1 | -1): AgendaCounts {
  const section = sectionOf(item, agenda.today);
  return { ...agenda.counts, [section]: Math.max(0, agenda.counts[section] + by) };
}

/** The agenda without the item (done), its section counting one less. */
export function withoutItem(agenda: Agenda, key: string): Agenda {
  const item = agenda.items.find((candidate) => candidate.key === key);
  if (!item) return agenda;
  return { ...agenda, counts: countChange(agenda, item, -1), items: agenda.items.filter((candidate) => candidate !== item) };
}

/** The item back where it was (a failed Done or Snooze); nothing changes when it is there already. */
export function withItem(agenda: Agenda, item: AgendaItem, index: number): Agenda {
  if (agenda.items.some((candidate) => candidate.key === item.key)) return agenda;
  const items = [...agenda.items];
  items.splice(Math.max(0, Math.min(index, items.length)), 0, item);
  return { ...agenda, counts: countChange(agenda, item, 1), items };
}

/** The item moved to `on` (today or later): it leaves the agenda when that day is past the range shown. */
export function withItemMoved(agenda: Agenda, key: string, on: string): Agenda {
  const item = agenda.items.find((candidate) => candidate.key === key);
  if (!item) return agenda;
  const without = withoutItem(agenda, key);
  if (on > agenda.to) return without;
  const moved: AgendaItem = { ...item, dueOn: on, overdue: false };
  // After the items due that day or earlier: the screen groups by day, in the order given.
  const after = without.items.findIndex((candidate) => isSchedulable(candidate) && !candidate.overdue && candidate.dueOn > on);
  return withItem(without, moved, after === -1 ? without.items.length : after);
}

/** The items of a section, in the order the server sent them (overdue first, then by day). */
export function itemsOf(agenda: Agenda, section: AgendaSection): AgendaItem[] {
  return agenda.items.filter((item) => sectionOf(item, agenda.today) === section);
}

/** Items by their day, in order of first appearance. */
export function byDay(items: AgendaItem[]): { day: string; items: AgendaItem[] }[] {
  const groups = new Map<string, AgendaItem[]>();
  for (const item of items) groups.set(item.dueOn, [...(groups.get(item.dueOn) ?? []), item]);
  return [...groups].map(([day, dayItems]) => ({ day, items: dayItems })).sort((a, b) => a.day.localeCompare(b.day));
}

export function isEmpty(agenda: Agenda): boolean {
  return agenda.items.length === 0 && SECTIONS.every((section) => agenda.counts[section] === 0);
}
