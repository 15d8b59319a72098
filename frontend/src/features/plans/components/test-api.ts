import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import type { BatchPlanRequest, BatchPlanResult, CustomerStage, Plan, PlanCadenceInput, StageTemplate } from '../api/types';

export const PROBLEMS = 'https://harbor-crm.dev/problems';

/** The store's today in these tests: Monday 7 December 2026 in Shanghai. */
export const NOW = new Date('2026-12-07T02:00:00Z');
export const TODAY = '2026-12-07';
export const TIME_ZONE = 'Asia/Shanghai';

/** An active plan of customer 5: call after 7 days, then every 14 days, its first task due today. */
export function plan(id: number, overrides: Partial<Plan> = {}): Plan {
  return {
    id,
    customerId: 5,
    cadence: 'INTERVAL',
    every: 14,
    unit: 'DAYS',
    firstAfterDays: 7,
    weekdays: null,
    steps: null,
    taskType: 'CALL',
    note: null,
    startsOn: '2026-11-30',
    endsOn: null,
    maxCount: null,
    status: 'ACTIVE',
    endReason: null,
    step: 0,
    completedSteps: 0,
    dueOn: TODAY,
    dueType: 'CALL',
    dueNote: null,
    upcoming: [
      { step: 1, on: '2026-12-21', type: 'CALL' },
      { step: 2, on: '2027-01-04', type: 'CALL' },
    ],
    templateStage: null,
    createdBy: 2,
    createdAt: '2026-11-30T02:00:00Z',
    version: 0,
    ...overrides,
  };
}

export function template(stage: CustomerStage, cadence: PlanCadenceInput): StageTemplate {
  return { stage, cadence, updatedAt: '2026-11-01T08:00:00Z', version: 0 };
}

export interface PlansApiOptions {
  plans?: Plan[];
  templates?: StageTemplate[];
  /** The answer to a new plan: a plan (201) or any response (a problem). */
  create?: (body: Record<string, unknown>) => Plan | Response;
  /** The answer to a template saved: any response (a problem); saved as sent otherwise. */
  putTemplate?: (stage: string, body: PlanCadenceInput) => Response | undefined;
  /** The answer to plans for a selection: a result or any response (a problem); every id planned otherwise. */
  batch?: (body: BatchPlanRequest) => BatchPlanResult | Response;
}

/**
 * A fake API for customer 5's plans and the stage templates. Done moves a plan to its next task, snooze and
 * reschedule set its due day, DELETE ends it (CANCELLED), a new plan goes to the top; templates are saved and
 * removed as asked.
 */
export function plansApi(options: PlansApiOptions = {}) {
  const state = {
    plans: structuredClone(options.plans ?? []),
    templates: structuredClone(options.templates ?? []),
  };
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const planPath = /^\/api\/v1\/customers\/5\/plans\/(\d+)(\/complete|\/reschedule)?$/.exec(path);
    if (planPath) {
      const index = state.plans.findIndex((candidate) => candidate.id === Number(planPath[1]));
      const current = state.plans[index];
      if (!current) return jsonResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 }, { status: 404 });
      if (planPath[2] === '/complete') {
        const [next, ...rest] = current.upcoming;
        state.plans[index] = next
          ? { ...current, step: next.step, completedSteps: current.completedSteps + 1, dueOn: next.on, dueType: next.type, upcoming: rest }
          : { ...current, status: 'ENDED', endReason: 'FINISHED', completedSteps: current.completedSteps + 1, dueOn: null, upcoming: [] };
        return jsonResponse(state.plans[index]);
      }
      if (planPath[2] === '/reschedule') {
        const body = (await request.json()) as { dueOn: string };
        state.plans[index] = { ...current, dueOn: body.dueOn };
        return jsonResponse(state.plans[index]);
      }
      if (request.method === 'DELETE') {
        state.plans[index] = { ...current, status: 'ENDED', endReason: 'CANCELLED', dueOn: null, upcoming: [] };
        return new Response(null, { status: 204 });
      }
      return jsonResponse(current);
    }
    if (path === '/api/v1/customers/5/plans' && request.method === 'POST') {
      const body = (await request.json()) as { cadence: PlanCadenceInput; startsOn?: string; endsOn?: string };
      const answer =
        options.create?.(body as unknown as Record<string, unknown>) ??
        plan(100, {
          ...body.cadence,
          firstAfterDays: body.cadence.firstAfterDays ?? 0,
          startsOn: body.startsOn ?? TODAY,
          endsOn: body.endsOn ?? null,
          dueType: body.cadence.taskType ?? body.cadence.steps?.[0]?.type ?? 'CALL',
          upcoming: [],
        });
      if (answer instanceof Response) return answer;
      state.plans.unshift(answer);
      return jsonResponse(answer, { status: 201 });
    }
    if (path === '/api/v1/customers/5/plans') return jsonResponse({ items: state.plans });
    if (path === '/api/v1/plans/batch' && request.method === 'POST') {
      const body = (await request.json()) as BatchPlanRequest;
      const answer = options.batch?.(body) ?? { created: body.selection.ids?.length ?? 0, skipped: [] };
      return answer instanceof Response ? answer : jsonResponse(answer);
    }
    if (path === '/api/v1/plans/stage-templates') return jsonResponse({ items: state.templates });
    const templatePath = /^\/api\/v1\/plans\/stage-templates\/([A-Z_]+)$/.exec(path);
    if (templatePath) {
      const stage = templatePath[1] as CustomerStage;
      if (request.method === 'DELETE') {
        state.templates = state.templates.filter((candidate) => candidate.stage !== stage);
        return new Response(null, { status: 204 });
      }
      const body = (await request.json()) as PlanCadenceInput;
      const refused = options.putTemplate?.(stage, body);
      if (refused) return refused;
      const saved = template(stage, body);
      state.templates = [...state.templates.filter((candidate) => candidate.stage !== stage), saved];
      return jsonResponse(saved);
    }
    return jsonResponse({ items: [], nextCursor: null });
  });
  return { ...mock, state };
}

/** The bodies of the requests to `path` with `method`, in order. */
export async function bodiesOf(requests: Request[], method: string, path: string): Promise<unknown[]> {
  const matching = requests.filter((request) => request.method === method && new URL(request.url).pathname === path);
  return Promise.all(matching.map(async (request) => {
    const text = await request.clone().text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }));
}

/** The serious and critical WCAG 2.1 A/AA violations axe finds in `node` (colours aside: jsdom draws nothing). */
export async function accessibilityViolations(node: Element): Promise<string[]> {
  const { default: axe } = await import('axe-core');
  const result = await axe.run(node, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
