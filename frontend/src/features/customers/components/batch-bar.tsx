import { useId, useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { useT, type Translate } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { useBatchCustomers, type BatchAction, type BatchRequest, type BatchResult } from '../api/batch-customers';
import { STAGES, STARS, type CustomerStage } from '../api/list-customers';
import type { Tag } from '../api/list-tags';

type Action = Extract<BatchAction, 'ADD_TAGS' | 'REMOVE_TAGS' | 'SET_STAGE' | 'SET_STARS' | 'DELETE'>;

export function batchResultText(t: Translate, result: BatchResult): string {
  const parts = [t('customers.batch.result', { matched: result.matched, changed: result.changed })];
  if (result.skipped.length > 0) parts.push(t('customers.batch.skipped', { count: result.skipped.length }));
  return parts.join(' ');
}

export function BatchBar({
  selectedIds,
  tags,
  canDelete,
  onDone,
}: {
  selectedIds: number[];
  tags: Tag[];
  canDelete: boolean;
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

  const actions: Action[] = ['ADD_TAGS', 'REMOVE_TAGS', 'SET_STAGE', 'SET_STARS', ...(canDelete ? (['DELETE'] as const) : [])];
  const needsTag = action === 'ADD_TAGS' || action === 'REMOVE_TAGS';

  function run() {
    const request: BatchRequest = { selection: { ids: selectedIds }, action };
    if (needsTag) request.tagIds = [Number(tagId)];
    if (action === 'SET_STAGE') request.stage = stage;
    if (action === 'SET_STARS') request.stars = Number(stars);
    batchMutation.mutate(request, {
      onSuccess: (result) => onDone(result, action),
      onSettled: () => setConfirming(false),
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (needsTag && !tagId) return;
    if (action === 'DELETE') setConfirming(true);
    else run();
  }

  const failure = batchMutation.error ? errorMessage(batchMutation.error) : null;
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
      <button type="submit" disabled={batchMutation.isPending || (needsTag && !tagId)}>
        {batchMutation.isPending ? t('customers.batch.running') : t('customers.batch.run')}
      </button>
      {confirming && (
        <Confirm
          title={t('customers.batch.confirmDelete', { count: selectedIds.length })}
          description={t('customers.batch.confirmDeleteText')}
          confirmLabel={t('customers.batch.DELETE')}
          cancelLabel={t('common.cancel')}
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
