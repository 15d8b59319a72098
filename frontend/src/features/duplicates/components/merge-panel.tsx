import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Confirm } from '@/components/confirm';
import { useFormatters, useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import type { DuplicateCandidate, DuplicateGroup } from '../api/list-duplicate-groups';
import { useMergeCustomers, type MergeResult } from '../api/merge-customers';

function CandidateSummary({ candidate }: { candidate: DuplicateCandidate }) {
  const t = useT();
  const format = useFormatters();
  return (
    <span className="muted small">
      {candidate.companyName && `${candidate.companyName} · `}
      {candidate.ownerName ? t('duplicates.owner', { name: candidate.ownerName }) : t('duplicates.pool')}
      {' · '}
      {t('duplicates.inquiries', { count: format.number(candidate.inquiryCount) })}
      {' · '}
      {t('duplicates.created', { date: format.date(candidate.createdAt) })}
    </span>
  );
}

/**
 * One group: which record survives, which of the others merge into it, and which of those fills the
 * survivor's empty fields first (the API takes them in the order given).
 */
export function MergePanel({
  group,
  onMerged,
  onClose,
}: {
  group: DuplicateGroup;
  onMerged: (result: MergeResult, survivorName: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const mergeMutation = useMergeCustomers();
  const candidates = group.customers;
  // The oldest record (first) survives unless chosen otherwise: it usually carries the history.
  const [survivorId, setSurvivorId] = useState(candidates[0]?.id ?? 0);
  const [included, setIncluded] = useState<ReadonlySet<number>>(() => new Set(candidates.map((candidate) => candidate.id)));
  const [firstSourceId, setFirstSourceId] = useState('');
  const [confirming, setConfirming] = useState(false);

  const survivor = candidates.find((candidate) => candidate.id === survivorId);
  const duplicates = candidates.filter((candidate) => candidate.id !== survivorId && included.has(candidate.id));
  const first = duplicates.find((candidate) => String(candidate.id) === firstSourceId);
  const orderedIds = first ? [first.id, ...duplicates.filter((d) => d !== first).map((d) => d.id)] : duplicates.map((d) => d.id);

  function toggle(candidateId: number, on: boolean) {
    setIncluded((current) => {
      const next = new Set(current);
      if (on) next.add(candidateId);
      else next.delete(candidateId);
      return next;
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (survivor && orderedIds.length > 0) setConfirming(true);
  }

  function merge() {
    if (!survivor) return;
    mergeMutation.mutate(
      { survivorId: survivor.id, duplicateIds: orderedIds },
      { onSuccess: (result) => onMerged(result, survivor.name), onSettled: () => setConfirming(false) },
    );
  }

  const failure = mergeMutation.error ? errorMessage(mergeMutation.error) : null;
  return (
    <form className="card form" aria-label={t('duplicates.mergeTitle', { value: group.value })} onSubmit={handleSubmit} noValidate>
      <h2>{t('duplicates.mergeTitle', { value: group.value })}</h2>
      <p className="muted">{t('duplicates.mergeExplain')}</p>
      <fieldset className="checkbox-group">
        <legend>{t('duplicates.keep')}</legend>
        {candidates.map((candidate) => (
          <div key={candidate.id}>
            <label>
              <input
                type="radio"
                name={`${id}-survivor`}
                value={String(candidate.id)}
                checked={candidate.id === survivorId}
                onChange={() => setSurvivorId(candidate.id)}
              />{' '}
              {candidate.name}
            </label>{' '}
            <CandidateSummary candidate={candidate} />{' '}
            <Link to={`/customers/${candidate.id}`} target="_blank" rel="noopener" aria-label={t('duplicates.openCustomer', { name: candidate.name })}>
              {t('duplicates.open')}
            </Link>
          </div>
        ))}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend>{t('duplicates.mergeInto', { name: survivor?.name ?? '' })}</legend>
        {candidates
          .filter((candidate) => candidate.id !== survivorId)
          .map((candidate) => (
            <label key={candidate.id}>
              <input type="checkbox" checked={included.has(candidate.id)} onChange={(event) => toggle(candidate.id, event.target.checked)} />{' '}
              {candidate.name}
            </label>
          ))}
      </fieldset>
      {duplicates.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-first`}>{t('duplicates.firstSource')}</label>
          <select id={`${id}-first`} value={first ? String(first.id) : ''} onChange={(event) => setFirstSourceId(event.target.value)}>
            <option value="">{t('duplicates.firstSourceDefault')}</option>
            {duplicates.map((candidate) => (
              <option key={candidate.id} value={String(candidate.id)}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {duplicates.length === 0 && <p className="field-error">{t('duplicates.noneChosen')}</p>}
      {confirming && survivor ? (
        <Confirm
          title={t('duplicates.confirm', { count: duplicates.length, name: survivor.name })}
          description={t('duplicates.confirmText', { name: survivor.name })}
          confirmLabel={t('duplicates.merge')}
          cancelLabel={t('common.cancel')}
          pending={mergeMutation.isPending}
          onConfirm={merge}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={duplicates.length === 0}>
            {t('duplicates.mergeButton', { count: duplicates.length })}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {failure && (
        <p role="alert" className="form-alert">
          {t(failure.key, failure.params)}
        </p>
      )}
    </form>
  );
}
