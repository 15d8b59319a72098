import { useId, useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { useT, type Translate } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import type { Role } from '@/lib/domain';
import { useBatchCustomers, type BatchAction, type BatchRequest, type BatchResult } from '../api/batch-customers';
import { STAGES, STARS, type CustomerStage } from '../api/list-customers';
import { useLostReasons } from '../api/list-lost-reasons';
import type { Tag } from '../api/list-tags';
import { useTeam } from '@/lib/team';

// Replacing one tag by another is Settings → Tags' business.
type Action = Exclude<BatchAction, 'REPLACE_TAG'>;

const SKIP_REASONS = ['NOT_FOUND', 'ALREADY_IN_POOL', 'ALREADY_OWNED', 'LIMIT_REACHED', 'ALREADY_LOST', 'NOT_LOST'] as const;

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

export function BatchBar({
  selectedIds,
  tags,
  role,
  me,
  onDone,
}: {
  selectedIds: number[];
  tags: Tag[];
  role: Role;
  /** Who is signed in: marked "(me)" among the transfer targets. */
  me?: { id: number; name: string };
  onDone: (result: BatchResult, action: Action) => void;
}) {
  const t = useT();
  const id = useId();
  const batchMutation = useBatchCustomers();
  const [action, setAction] = useState<Action>('ADD_TAGS');
  const [tagId, setTagId] = useState('');
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

  const actions: Action[] = [
    'ADD_TAGS',
    'REMOVE_TAGS',
    'SET_STAGE',
    'SET_STARS',
    'RELEASE',
    'LOST',
    'REACTIVATE',
    ...(manager ? (['TRANSFER', 'DELETE'] as const) : []),
  ];
  const needsTag = action === 'ADD_TAGS' || action === 'REMOVE_TAGS';
  const incomplete = (needsTag && !tagId) || (needsReason && !reasonId) || (action === 'TRANSFER' && !userId);

  function run() {
    const request: BatchRequest = { selection: { ids: selectedIds }, action };
    if (needsTag) request.tagIds = [Number(tagId)];
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
    if (incomplete) return;
    if (action === 'DELETE' || action === 'RELEASE') setConfirming(true);
    else run();
  }

  const failed = batchMutation.error ?? (action === 'TRANSFER' ? targetsQuery.error : null);
  const failure = failed ? errorMessage(failed) : null;
  return (
    <form className="batch-bar" aria-label={t('customers.batch.title')} onSubmit={handleSubmit}>
      <strong>{t('customers.batch.selected', { count: selectedIds.length })}</strong>
      <label htmlFor={`${id}-action`}>{t('customers.batch.action')}</label>
      <select id={`${id}-action`} value={action} onChange={(event) => setAction(event.target.value as Action)}>
        {actions.map((option) => (
          <option key={option} value={option}>
            {t(`customers.batch.${option}`)}
          </option>
        ))}
      </select>
      {needsTag && (
        <>
          <label htmlFor={`${id}-tag`}>{t('customers.batch.tag')}</label>
          <select id={`${id}-tag`} value={tagId} required onChange={(event) => setTagId(event.target.value)}>
            <option value="">{t('customers.batch.chooseTag')}</option>
            {tags.map((tag) => (
              <option key={tag.id} value={String(tag.id)}>
                {tag.name}
              </option>
            ))}
          </select>
        </>
      )}
      {action === 'SET_STAGE' && (
        <>
          <label htmlFor={`${id}-stage`}>{t('customers.field.stage')}</label>
          <select id={`${id}-stage`} value={stage} onChange={(event) => setStage(event.target.value as CustomerStage)}>
            {STAGES.map((option) => (
              <option key={option} value={option}>
                {t(`stage.${option}`)}
              </option>
            ))}
          </select>
        </>
      )}
      {action === 'SET_STARS' && (
        <>
          <label htmlFor={`${id}-stars`}>{t('customers.field.stars')}</label>
          <select id={`${id}-stars`} value={stars} onChange={(event) => setStars(event.target.value)}>
            {STARS.map((option) => (
              <option key={option} value={String(option)}>
                {t(`stars.${option}`)}
              </option>
            ))}
          </select>
        </>
      )}
      {needsReason && (
        <>
          <label htmlFor={`${id}-reason`}>{t('release.reason')}</label>
          <select id={`${id}-reason`} value={reasonId} required onChange={(event) => setReasonId(event.target.value)}>
            <option value="">{t('release.chooseReason')}</option>
            {reasons.map((reason) => (
              <option key={reason.id} value={String(reason.id)}>
                {reason.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-note`}>{t('release.note')}</label>
          <input id={`${id}-note`} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        </>
      )}
      {action === 'TRANSFER' && (
        <>
          <label htmlFor={`${id}-user`}>{t('pool.assign.to')}</label>
          <select id={`${id}-user`} value={userId} required onChange={(event) => setUserId(event.target.value)}>
            <option value="">{targetsQuery.isPending ? t('app.loading') : t('pool.assign.chooseUser')}</option>
            {targets.map((user) => (
              <option key={user.id} value={String(user.id)}>
                {user.id === me?.id ? t('pool.assign.me', { name: user.name }) : `${user.name} (${t(`role.${user.role}`)})`}
              </option>
            ))}
          </select>
          {role === 'ADMIN' && (
            <label>
              <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} />{' '}
              {t('pool.assign.override')}
            </label>
          )}
        </>
      )}
      <button type="submit" disabled={batchMutation.isPending || incomplete}>
        {batchMutation.isPending ? t('customers.batch.running') : t('customers.batch.run')}
      </button>
      {confirming && (
        <Confirm
          title={t(action === 'RELEASE' ? 'customers.batch.confirmRelease' : 'customers.batch.confirmDelete', { count: selectedIds.length })}
          description={t(action === 'RELEASE' ? 'customers.batch.confirmReleaseText' : 'customers.batch.confirmDeleteText')}
          confirmLabel={t(`customers.batch.${action === 'RELEASE' ? 'RELEASE' : 'DELETE'}`)}
          cancelLabel={t('common.cancel')}
          danger
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
  );
}
