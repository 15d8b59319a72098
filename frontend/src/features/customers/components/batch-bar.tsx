import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Confirm } from '@/components/confirm';
import { useT, type MessageKey, type Translate } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import type { Role } from '@/lib/domain';
import { useBatchCustomers, type BatchAction, type BatchRequest, type BatchResult } from '../api/batch-customers';
import { STAGES, STARS, type CustomerFilter, type CustomerStage } from '../api/list-customers';
import { useLostReasons } from '../api/list-lost-reasons';
import type { Tag } from '../api/list-tags';
import { useTeam } from '@/lib/team';

type Action = BatchAction;
/** What the action list offers: the API's batch actions, and follow-up plans (another feature's form, given in). */
type Choice = Action | 'PLAN';

/** Where a batch request names its customers: the ticked ids, or the filter. */
export type BatchSelection = BatchRequest['selection'];

/**
 * Renders another feature's form acting on the selection (follow-up plans): `count` customers, for the wording;
 * `close` gives the bar its own actions back.
 */
export type BatchPlanAction = (selection: BatchSelection, count: number, close: () => void) => ReactNode;

const SKIP_REASONS = ['NOT_FOUND', 'ALREADY_IN_POOL', 'ALREADY_OWNED', 'LIMIT_REACHED', 'ALREADY_LOST', 'NOT_LOST'] as const;

/** At most this many customers per batch request, by ids or by filter (the API's limit). */
export const MAX_BATCH = 50_000;

/** What a batch action applies to: the ticked customers, or every customer a filter matches (`count` of them). */
export type BatchTarget = { kind: 'ids'; ids: number[] } | { kind: 'filter'; filter: CustomerFilter; count: number };

export function targetCount(target: BatchTarget): number {
  return target.kind === 'ids' ? target.ids.length : target.count;
}

export function selectionOf(target: BatchTarget): BatchSelection {
  return target.kind === 'ids' ? { ids: target.ids } : { filter: target.filter };
}

/** Destroys or takes away something: confirmed with a red button. */
const DANGER = new Set<Choice>(['DELETE', 'RELEASE', 'LOST', 'TRANSFER']);

/** The confirmation's button: the action's own name where it reads as a verb, else "Apply to N customers". */
const CONFIRM_BUTTON: Partial<Record<Choice, MessageKey>> = {
  DELETE: 'customers.batch.DELETE',
  RELEASE: 'customers.batch.RELEASE',
  LOST: 'customers.batch.LOST',
  REACTIVATE: 'customers.batch.REACTIVATE',
};

/** What the action does beyond its title, where there is more to say. */
const CONFIRM_TEXT: Partial<Record<Choice, MessageKey>> = {
  DELETE: 'customers.batch.confirmDeleteText',
  RELEASE: 'customers.batch.confirmReleaseText',
  LOST: 'customers.batch.confirmLostText',
  TRANSFER: 'customers.batch.confirmTransferText',
};

export function batchResultText(t: Translate, result: BatchResult): string {
  const parts = [t('customers.batch.result', { matched: result.matched, changed: result.changed })];
  const counts = new Map<string, number>();
  for (const skip of result.skipped) counts.set(skip.reason, (counts.get(skip.reason) ?? 0) + 1);
  for (const [reason, count] of counts) {
    parts.push(
      (SKIP_REASONS as readonly string[]).includes(reason)
        ? t(`customers.batch.skip.${reason as (typeof SKIP_REASONS)[number]}`, { count })
        : t('customers.batch.skipped', { count }),
    );
  }
  return parts.join(' ');
}

/** A label and its control, kept together when the bar wraps. */
function Field({ children }: { children: ReactNode }) {
  return <span className="batch-field">{children}</span>;
}

export function BatchBar({
  target,
  tags,
  role,
  me,
  onDone,
  onClear,
  planAction,
  className,
}: {
  target: BatchTarget;
  tags: Tag[];
  role: Role;
  /** Who is signed in: marked "(me)" among the transfer targets. */
  me?: { id: number; name: string };
  onDone: (result: BatchResult, action: Action) => void;
  /** Unticks everything (and leaves a selection by filter). */
  onClear?: () => void;
  /** "Plan follow-ups…": offered when given, its form opened under the bar's choices. */
  planAction?: BatchPlanAction;
  className?: string;
}) {
  const t = useT();
  const id = useId();
  const batchMutation = useBatchCustomers();
  const actionRef = useRef<HTMLSelectElement>(null);
  const [action, setAction] = useState<Choice>('ADD_TAGS');
  const [tagId, setTagId] = useState('');
  const [fromTagId, setFromTagId] = useState('');
  const [toTagId, setToTagId] = useState('');
  const [stage, setStage] = useState<CustomerStage>('INQUIRY');
  const [stars, setStars] = useState('3');
  const [confirming, setConfirming] = useState(false);
  const [reasonId, setReasonId] = useState('');
  const [note, setNote] = useState('');
  const [userId, setUserId] = useState('');
  const [override, setOverride] = useState(false);
  const manager = role !== 'REP';
  const needsReason = action === 'RELEASE' || action === 'LOST';
  const reasons = useLostReasons(needsReason).data ?? [];
  const targetsQuery = useTeam(action === 'TRANSFER' && manager);
  const targets = targetsQuery.data ?? [];
  const count = targetCount(target);

  const actions: Choice[] = [
    'ADD_TAGS',
    'REMOVE_TAGS',
    'REPLACE_TAG',
    'SET_STAGE',
    'SET_STARS',
    'RELEASE',
    'LOST',
    'REACTIVATE',
    ...(manager ? (['TRANSFER', 'DELETE'] as const) : []),
    ...(planAction ? (['PLAN'] as const) : []),
  ];
  // The plan's own form takes over: it has its fields and its button.
  const planning = action === 'PLAN' && planAction !== undefined;
  const needsTag = action === 'ADD_TAGS' || action === 'REMOVE_TAGS';
  const replacing = action === 'REPLACE_TAG';
  const sameTag = replacing && fromTagId !== '' && fromTagId === toTagId;
  const incomplete =
    (needsTag && !tagId) ||
    (replacing && (!fromTagId || !toTagId || sameTag)) ||
    (needsReason && !reasonId) ||
    (action === 'TRANSFER' && !userId) ||
    action === 'PLAN';

  const tagName = (value: string) => tags.find((tag) => String(tag.id) === value)?.name ?? value;

  function confirmTitle(): string {
    switch (action) {
      case 'ADD_TAGS':
      case 'REMOVE_TAGS':
        return t(`customers.batch.confirm.${action}`, { count, tag: tagName(tagId) });
      case 'REPLACE_TAG':
        return t('customers.batch.confirm.REPLACE_TAG', { count, from: tagName(fromTagId), to: tagName(toTagId) });
      case 'SET_STAGE':
        return t('customers.batch.confirm.SET_STAGE', { count, stage: t(`stage.${stage}`) });
      case 'SET_STARS':
        return t('customers.batch.confirm.SET_STARS', { count, stars: t(`stars.${Number(stars) as 0 | 1 | 2 | 3}`) });
      case 'TRANSFER': {
        const user = targets.find((member) => String(member.id) === userId);
        return t('customers.batch.confirm.TRANSFER', { count, name: user?.name ?? userId });
      }
      case 'DELETE':
        return t('customers.batch.confirmDelete', { count });
      case 'RELEASE':
        return t('customers.batch.confirmRelease', { count });
      case 'LOST':
      case 'REACTIVATE':
        return t(`customers.batch.confirm.${action}`, { count });
      case 'PLAN':
        return '';
    }
  }

  function confirmDescription(): string {
    const text = CONFIRM_TEXT[action];
    const scope =
      target.kind === 'filter' ? t('customers.batch.scopeFilter', { count }) : t('customers.batch.scopeIds', { count });
    return text ? `${t(text)} ${scope}` : scope;
  }

  function closePlan() {
    setAction('ADD_TAGS');
    requestAnimationFrame(() => actionRef.current?.focus());
  }

  function run() {
    if (action === 'PLAN') return;
    const request: BatchRequest = { selection: selectionOf(target), action };
    if (needsTag) request.tagIds = [Number(tagId)];
    if (replacing) {
      request.fromTagId = Number(fromTagId);
      request.toTagId = Number(toTagId);
    }
    if (action === 'SET_STAGE') request.stage = stage;
    if (action === 'SET_STARS') request.stars = Number(stars);
    if (needsReason) {
      request.reasonId = Number(reasonId);
      if (note.trim()) request.note = note.trim();
    }
    if (action === 'TRANSFER') {
      request.userId = Number(userId);
      if (override) request.override = true;
    }
    batchMutation.mutate(request, {
      onSuccess: (result) => onDone(result, action),
      onSettled: () => setConfirming(false),
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (incomplete || count > MAX_BATCH) return;
    // Every batch action is confirmed, saying how many customers it changes.
    setConfirming(true);
  }

  function tagOptions() {
    return tags.map((tag) => (
      <option key={tag.id} value={String(tag.id)}>
        {tag.name}
      </option>
    ));
  }

  const failed = batchMutation.error ?? (action === 'TRANSFER' ? targetsQuery.error : null);
  const failure = failed ? errorMessage(failed) : null;
  const confirmButton = CONFIRM_BUTTON[action];
  return (
    // The bar's box holds its form and, under it, the plan's own form (forms do not nest).
    <div className={['batch-bar', className].filter(Boolean).join(' ')}>
      <form className="batch-bar batch-bar-form" aria-label={t('customers.batch.title')} onSubmit={handleSubmit}>
        <strong>
          {target.kind === 'filter'
            ? t('customers.batch.selectedAll', { count })
            : t('customers.batch.selected', { count })}
        </strong>
        <Field>
          <label htmlFor={`${id}-action`}>{t('customers.batch.action')}</label>
          <select
            id={`${id}-action`}
            ref={actionRef}
            value={action}
            onChange={(event) => {
              setAction(event.target.value as Choice);
              setConfirming(false);
            }}
          >
            {actions.map((option) => (
              <option key={option} value={option}>
                {t(`customers.batch.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        {needsTag && (
          <Field>
            <label htmlFor={`${id}-tag`}>{t('customers.batch.tag')}</label>
            <select id={`${id}-tag`} value={tagId} required onChange={(event) => setTagId(event.target.value)}>
              <option value="">{t('customers.batch.chooseTag')}</option>
              {tagOptions()}
            </select>
          </Field>
        )}
        {replacing && (
          <>
            <Field>
              <label htmlFor={`${id}-from`}>{t('customers.batch.fromTag')}</label>
              <select id={`${id}-from`} value={fromTagId} required onChange={(event) => setFromTagId(event.target.value)}>
                <option value="">{t('customers.batch.chooseTag')}</option>
                {tagOptions()}
              </select>
            </Field>
            <Field>
              <label htmlFor={`${id}-to`}>{t('customers.batch.toTag')}</label>
              <select
                id={`${id}-to`}
                value={toTagId}
                required
                aria-invalid={sameTag || undefined}
                aria-describedby={sameTag ? `${id}-same` : undefined}
                onChange={(event) => setToTagId(event.target.value)}
              >
                <option value="">{t('customers.batch.chooseTag')}</option>
                {tagOptions()}
              </select>
            </Field>
            {sameTag && (
              <span id={`${id}-same`} role="alert" className="field-error">
                {t('customers.batch.sameTag')}
              </span>
            )}
          </>
        )}
        {action === 'SET_STAGE' && (
          <Field>
            <label htmlFor={`${id}-stage`}>{t('customers.field.stage')}</label>
            <select id={`${id}-stage`} value={stage} onChange={(event) => setStage(event.target.value as CustomerStage)}>
              {STAGES.map((option) => (
                <option key={option} value={option}>
                  {t(`stage.${option}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {action === 'SET_STARS' && (
          <Field>
            <label htmlFor={`${id}-stars`}>{t('customers.field.stars')}</label>
            <select id={`${id}-stars`} value={stars} onChange={(event) => setStars(event.target.value)}>
              {STARS.map((option) => (
                <option key={option} value={String(option)}>
                  {t(`stars.${option}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {needsReason && (
          <>
            <Field>
              <label htmlFor={`${id}-reason`}>{t('release.reason')}</label>
              <select id={`${id}-reason`} value={reasonId} required onChange={(event) => setReasonId(event.target.value)}>
                <option value="">{t('release.chooseReason')}</option>
                {reasons.map((reason) => (
                  <option key={reason.id} value={String(reason.id)}>
                    {reason.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field>
              <label htmlFor={`${id}-note`}>{t('release.note')}</label>
              <input id={`${id}-note`} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
            </Field>
          </>
        )}
        {action === 'TRANSFER' && (
          <>
            <Field>
              <label htmlFor={`${id}-user`}>{t('pool.assign.to')}</label>
              <select id={`${id}-user`} value={userId} required onChange={(event) => setUserId(event.target.value)}>
                <option value="">{targetsQuery.isPending ? t('app.loading') : t('pool.assign.chooseUser')}</option>
                {targets.map((user) => (
                  <option key={user.id} value={String(user.id)}>
                    {user.id === me?.id ? t('pool.assign.me', { name: user.name }) : `${user.name} (${t(`role.${user.role}`)})`}
                  </option>
                ))}
              </select>
            </Field>
            {role === 'ADMIN' && (
              <label>
                <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} />{' '}
                {t('pool.assign.override')}
              </label>
            )}
          </>
        )}
        <span className="batch-bar-buttons">
          {!planning && (
            <button type="submit" disabled={batchMutation.isPending || incomplete || count > MAX_BATCH}>
              {batchMutation.isPending ? t('customers.batch.running') : t('customers.batch.run')}
            </button>
          )}
          {onClear && (
            <button type="button" onClick={onClear}>
              {t('customers.batch.clear')}
            </button>
          )}
        </span>
        {confirming && (
          <Confirm
            title={confirmTitle()}
            description={confirmDescription()}
            confirmLabel={confirmButton ? t(confirmButton) : t('customers.batch.confirmApply', { count })}
            cancelLabel={t('common.cancel')}
            danger={DANGER.has(action)}
            pending={batchMutation.isPending}
            onConfirm={run}
            onCancel={() => setConfirming(false)}
          />
        )}
        {failure && (
          <p role="alert" className="field-error">
            {t(failure.key, failure.params)}
          </p>
        )}
      </form>
      {planning && <div className="batch-bar-plan">{planAction(selectionOf(target), count, closePlan)}</div>}
    </div>
  );
}
