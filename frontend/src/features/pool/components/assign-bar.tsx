import { useId, useState, type FormEvent } from 'react';
import type { Role } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { useAssignCustomers, type AssignResult } from '../api/assign-customers';
import { useTeam } from '@/lib/team';

export interface AssignBarProps {
  selectedIds: number[];
  role: Exclude<Role, 'REP'>;
  me: { id: number; name: string };
  onDone: (result: AssignResult, userName: string) => void;
}

/** Managers and admins give the selected customers to an active user; admins may pass the limit. */
export function AssignBar({ selectedIds, role, me, onDone }: AssignBarProps) {
  const t = useT();
  const id = useId();
  const admin = role === 'ADMIN';
  const teamQuery = useTeam(true);
  const users = teamQuery.data ?? [];
  const [userId, setUserId] = useState('');
  const [override, setOverride] = useState(false);
  const assignMutation = useAssignCustomers();
  const target = users.find((user) => String(user.id) === userId);

  function assign(customerIds: number[], withOverride: boolean) {
    if (!target) return;
    assignMutation.mutate(
      { customerIds, userId: target.id, ...(withOverride ? { override: true } : {}) },
      { onSuccess: (result) => onDone(result, target.name) },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    assign(selectedIds, override);
  }

  const blocked = assignMutation.data?.failed.filter((failure) => failure.reason === 'LIMIT_REACHED') ?? [];
  const failed = assignMutation.error ?? teamQuery.error;
  const failure = failed ? errorMessage(failed) : null;
  return (
    <form className="batch-bar" aria-label={t('pool.assign.title')} onSubmit={handleSubmit}>
      <label htmlFor={`${id}-user`}>{t('pool.assign.to')}</label>
      <select id={`${id}-user`} value={userId} required onChange={(event) => setUserId(event.target.value)}>
        <option value="">{teamQuery.isPending ? t('app.loading') : t('pool.assign.chooseUser')}</option>
        {users.map((user) => (
          <option key={user.id} value={String(user.id)}>
            {user.id === me.id ? t('pool.assign.me', { name: user.name }) : `${user.name} (${t(`role.${user.role}`)})`}
          </option>
        ))}
      </select>
      {admin && (
        <label>
          <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} />{' '}
          {t('pool.assign.override')}
        </label>
      )}
      <button type="submit" disabled={!target || assignMutation.isPending}>
        {assignMutation.isPending ? t('pool.assign.pending') : t('pool.assign.button', { count: selectedIds.length })}
      </button>
      {admin && blocked.length > 0 && !assignMutation.isPending && (
        <button type="button" onClick={() => assign(blocked.map((item) => item.id), true)}>
          {t('pool.assign.overrideRetry', { count: blocked.length })}
        </button>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </form>
  );
}
