import { useEffect, useRef, useState } from 'react';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { ApiError, errorSentence } from '@/lib/problem';
import { ROLES, type Role, type User } from '../api/list-users';
import { useSetUserManager } from '../api/set-user-manager';
import { useUpdateUser, type UpdateUserChanges } from '../api/update-user';
import { LeaveEditor } from './leave-editor';

function failureReason(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return t('users.lastAdmin');
  if (error instanceof ApiError && error.status === 412) return t('users.stale');
  return errorSentence(t, error);
}

/** The user's team, a free label the activity screen filters by: saved with Enter or the button; empty removes it. */
function TeamForm({ user, onSave }: { user: User; onSave: (team: string) => void }) {
  const t = useT();
  const [team, setTeam] = useState(user.team ?? '');
  return (
    <form
      className="inline-form user-team"
      onSubmit={(event) => {
        event.preventDefault();
        if (team.trim() !== (user.team ?? '')) onSave(team.trim());
      }}
    >
      <input
        aria-label={t('users.teamOf', { name: user.name })}
        value={team}
        maxLength={80}
        size={10}
        onChange={(event) => setTeam(event.target.value)}
      />
      <button type="submit" aria-label={t('users.saveTeamOf', { name: user.name })}>
        {t('users.saveTeam')}
      </button>
    </form>
  );
}

/**
 * The user's manager, whom the pool's escalation ladder copies on their customers about to return: any active manager
 * or administrator but themselves.
 */
function ManagerSelect({ user, managers }: { user: User; managers: User[] }) {
  const t = useT();
  const notify = useNotify();
  const mutation = useSetUserManager();
  const choices = managers.filter((manager) => manager.id !== user.id);
  const current = user.managerId ?? null;
  // A manager since deactivated stays shown (the server keeps the link; the ladder skips them) until changed.
  const kept = current !== null && !choices.some((manager) => manager.id === current);
  const shown = mutation.isPending ? mutation.variables.managerId : current;
  return (
    <select
      aria-label={t('users.managerOf', { name: user.name })}
      value={shown === null ? '' : String(shown)}
      onChange={(event) => {
        if (mutation.isPending) return;
        const managerId = event.target.value === '' ? null : Number(event.target.value);
        mutation.mutate(
          { userId: user.id, managerId },
          {
            onSuccess: (updated) => {
              const manager = managers.find((m) => m.id === updated.managerId);
              notify({
                message: manager
                  ? t('users.managerChanged', { name: updated.name, manager: manager.name })
                  : t('users.managerRemoved', { name: updated.name }),
                tone: 'success',
              });
            },
            onError: (error) =>
              notify({ message: t('users.changeFailed', { name: user.name, reason: errorSentence(t, error) }), tone: 'error' }),
          },
        );
      }}
    >
      <option value="">{t('users.noManager')}</option>
      {kept && <option value={String(current)}>{t('users.formerManager')}</option>}
      {choices.map((manager) => (
        <option key={manager.id} value={String(manager.id)}>
          {manager.name}
        </option>
      ))}
    </select>
  );
}

export function UserRow({ user, isSelf, managers, today }: { user: User; isSelf: boolean; managers: User[]; today: string }) {
  const t = useT();
  const notify = useNotify();
  const format = useFormatters();
  const updateMutation = useUpdateUser();
  const [confirming, setConfirming] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const refocusToggle = useRef(false);

  useEffect(() => {
    if (!confirming && refocusToggle.current) {
      refocusToggle.current = false;
      toggleRef.current?.focus();
    }
  }, [confirming]);

  const pending = updateMutation.isPending;
  const shownRole = (updateMutation.isPending && updateMutation.variables.changes.role) || user.role;

  function update(changes: UpdateUserChanges, onSettled?: () => void) {
    updateMutation.mutate(
      { user, changes },
      {
        onSuccess: (updated) => {
          let message;
          if (changes.team !== undefined) {
            message = updated.team
              ? t('users.teamChanged', { name: updated.name, team: updated.team })
              : t('users.teamRemoved', { name: updated.name });
          } else if (changes.role !== undefined) {
            message = t('users.roleChanged', { name: updated.name, role: t(`role.${updated.role}`) });
          } else {
            message = t(updated.active ? 'users.activated' : 'users.deactivated', { name: updated.name });
          }
          notify({ message, tone: 'success' });
        },
        onError: (error) =>
          notify({ message: t('users.changeFailed', { name: user.name, reason: failureReason(t, error) }), tone: 'error' }),
        onSettled,
      },
    );
  }

  function closeConfirm() {
    refocusToggle.current = true;
    setConfirming(false);
  }

  const toggleLabel = user.active ? t('users.deactivate') : t('users.activate');
  return (
    <tr>
      <th scope="row">
        {user.name}
        {isSelf && <span className="muted"> {t('users.you')}</span>}
      </th>
      <td data-label={t('users.column.email')}>{user.email}</td>
      <td data-label={t('users.column.role')}>
        <select
          aria-label={t('users.roleOf', { name: user.name })}
          value={shownRole}
          // Not disabled while saving, which would drop keyboard focus; a second change waits instead.
          onChange={(event) => {
            if (!pending) update({ role: event.target.value as Role });
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('users.column.team')}>
        {/* Keyed by the saved team: after a save (here or elsewhere) the box shows what the server has. */}
        <TeamForm
          key={user.team ?? ''}
          user={user}
          onSave={(team) => {
            if (!pending) update({ team });
          }}
        />
      </td>
      <td data-label={t('users.column.manager')}>
        <ManagerSelect user={user} managers={managers} />
      </td>
      <td data-label={t('users.column.status')}>
        {user.active ? t('users.active') : t('users.inactive')}
        {user.active && <LeaveEditor user={user} today={today} />}
      </td>
      <td data-label={t('users.column.created')}>
        <time dateTime={user.createdAt}>{format.date(user.createdAt)}</time>
      </td>
      <td className="row-action">
        {confirming ? (
          <Confirm
            title={t(user.active ? 'users.confirmDeactivate' : 'users.confirmActivate', { name: user.name })}
            description={t(user.active ? 'users.confirmDeactivateText' : 'users.confirmActivateText')}
            confirmLabel={
              pending ? t(user.active ? 'users.deactivating' : 'users.activating') : toggleLabel
            }
            cancelLabel={t('users.cancel')}
            danger={user.active}
            pending={pending}
            onConfirm={() => update({ active: !user.active }, closeConfirm)}
            onCancel={closeConfirm}
          />
        ) : isSelf && user.active ? (
          // locking oneself out is refused by the server; say why instead of offering it
          <span className="muted small">{t('users.cannotDeactivateSelf')}</span>
        ) : (
          <button
            ref={toggleRef}
            type="button"
            aria-label={t(user.active ? 'users.deactivateUser' : 'users.activateUser', { name: user.name })}
            onClick={() => setConfirming(true)}
          >
            {toggleLabel}
          </button>
        )}
      </td>
    </tr>
  );
}
