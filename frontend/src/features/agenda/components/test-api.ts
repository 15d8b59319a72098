import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import type { Agenda, AgendaCounts, AgendaItem } from '../api/get-agenda';

export const PROBLEMS = 'https://harbor-crm.dev/problems';

export const TODAY = '2026-12-07';

export function agendaItem(key: string, overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    key,
    kind: 'PLAN_STEP',
    customerId: 3,
    customerName: 'John Miller',
    companyName: null,
    dueOn: TODAY,
    at: null,
    overdue: false,
    taskType: null,
    note: null,
    planId: null,
    step: null,
    rule: null,
    daysLeft: null,
    ...overrides,
  };
}

/** One of each: an overdue plan task, a follow-up planned today, two in the days after, a return, an inquiry. */
export const items: AgendaItem[] = [
  agendaItem('plan-12', {
    customerId: 3,
    customerName: 'John Miller',
    companyName: 'Miller Hardware',
    dueOn: '2026-12-04',
    overdue: true,
    taskType: 'CALL',
    note: 'Ask about the samples',
    planId: 12,
    step: 1,
  }),
  agendaItem('next-34', {
    kind: 'NEXT_FOLLOW_UP',
    customerId: 34,
    customerName: 'Zhao Lei',
    companyName: 'Ningbo Valves',
    at: '2026-12-07T07:00:00Z',
  }),
  agendaItem('next-36', {
    kind: 'NEXT_FOLLOW_UP',
    customerId: 36,
    customerName: 'Hans Weber',
    dueOn: '2026-12-08',
    at: '2026-12-08T02:00:00Z',
  }),
  agendaItem('plan-15', { customerId: 5, customerName: 'Anna Schmidt', dueOn: '2026-12-09', taskType: 'EMAIL', planId: 15, step: 0 }),
  agendaItem('return-40', {
    kind: 'POOL_RETURN',
    customerId: 40,
    customerName: 'Li Wei',
    dueOn: '2026-12-10',
    at: '2026-12-10T01:00:00Z',
    rule: 'NO_FOLLOW_UP',
    daysLeft: 3,
  }),
  agendaItem('inquiry-41', {
    kind: 'REPEAT_INQUIRY',
    customerId: 41,
    customerName: 'Ana Souza',
    dueOn: '2026-12-06',
    at: '2026-12-06T09:30:00Z',
  }),
];

export const counts: AgendaCounts = { overdue: 1, today: 1, upcoming: 2, returning: 1, repeatInquiries: 1 };

export function agenda(overrides: Partial<Agenda> = {}): Agenda {
  return { userId: 1, today: TODAY, from: TODAY, to: '2026-12-13', counts, items, ...overrides };
}

export const nothing: Agenda = agenda({
  counts: { overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 },
  items: [],
});

export interface AgendaApiOptions {
  agenda?: Agenda;
  /** Someone else's agenda, by user id. */
  agendas?: Record<number, Agenda>;
  /** The answer to a Done or a reschedule; unless it is a failure, the item leaves (or moves) on the server too. */
  done?: (key: string) => Response | Promise<Response> | undefined;
  reschedule?: (key: string, on: string) => Response | Promise<Response> | undefined;
  team?: { id: number; name: string; role: string }[];
  /** The answer to a follow-up logged for a customer; unless it is a failure, it is recorded. */
  followUp?: (customerId: number) => Response | Promise<Response> | undefined;
}

/** The counts the server would give for these items (none left out). */
export function countsOf(agendaItems: AgendaItem[], today = TODAY): AgendaCounts {
  const count = (test: (item: AgendaItem) => boolean) => agendaItems.filter(test).length;
  const task = (item: AgendaItem) => item.kind === 'PLAN_STEP' || item.kind === 'NEXT_FOLLOW_UP';
  return {
    overdue: count((item) => task(item) && item.overdue),
    today: count((item) => task(item) && !item.overdue && item.dueOn <= today),
    upcoming: count((item) => task(item) && !item.overdue && item.dueOn > today),
    returning: count((item) => item.kind === 'POOL_RETURN'),
    repeatInquiries: count((item) => item.kind === 'REPEAT_INQUIRY'),
  };
}

/** A fake agenda API whose state follows Done, reschedules and follow-ups, like the server's. */
export function agendaApi(options: AgendaApiOptions = {}) {
  const state = { agenda: structuredClone(options.agenda ?? agenda()) };
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/v1/agenda') {
      const userId = url.searchParams.get('userId');
      return jsonResponse(userId ? (options.agendas?.[Number(userId)] ?? nothing) : state.agenda);
    }
    if (path === '/api/v1/agenda/counts') return jsonResponse(state.agenda.counts);
    const done = /^\/api\/v1\/agenda\/items\/([^/]+)\/done$/.exec(path);
    if (done?.[1] && request.method === 'POST') {
      const answer = await options.done?.(done[1]);
      if (answer && !answer.ok) return answer;
      state.agenda.items = state.agenda.items.filter((item) => item.key !== done[1]);
      state.agenda.counts = countsOf(state.agenda.items);
      return new Response(null, { status: 204 });
    }
    const moved = /^\/api\/v1\/agenda\/items\/([^/]+)\/reschedule$/.exec(path);
    if (moved?.[1] && request.method === 'POST') {
      const { on } = (await request.json()) as { on: string };
      const answer = await options.reschedule?.(moved[1], on);
      if (answer && !answer.ok) return answer;
      state.agenda.items = state.agenda.items.map((item) => (item.key === moved[1] ? { ...item, dueOn: on, overdue: false } : item));
      state.agenda.counts = countsOf(state.agenda.items);
      return new Response(null, { status: 204 });
    }
    const followUp = /^\/api\/v1\/customers\/(\d+)\/follow-ups$/.exec(path);
    if (followUp?.[1] && request.method === 'POST') {
      const customerId = Number(followUp[1]);
      const answer = await options.followUp?.(customerId);
      if (answer && !answer.ok) return answer;
      state.agenda.items = state.agenda.items.filter((item) => item.customerId !== customerId || item.kind === 'PLAN_STEP');
      state.agenda.counts = countsOf(state.agenda.items);
      return jsonResponse({ id: 900, customerId }, { status: 201 });
    }
    if (path === '/api/v1/team') return jsonResponse({ items: options.team ?? [] });
    return jsonResponse({ items: [], nextCursor: null });
  });
  return { ...mock, state };
}

/** The bodies of the requests to `path` with `method`, in order. */
export async function bodiesOf(requests: Request[], method: string, path: string): Promise<unknown[]> {
  const matching = requests.filter((request) => request.method === method && new URL(request.url).pathname === path);
  return Promise.all(matching.map((request) => request.clone().json() as Promise<unknown>));
}

/** The paths (with their query) of the requests made with `method`. */
export function pathsOf(requests: Request[], method = 'GET'): string[] {
  return requests.filter((request) => request.method === method).map((request) => {
    const url = new URL(request.url);
    return `${url.pathname}${url.search}`;
  });
}
