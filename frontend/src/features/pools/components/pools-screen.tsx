import { useId, useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import * as z from 'zod/mini';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm, type ZodForm } from '@/components/form/use-zod-form';
import { matching, requiredText } from '@/lib/form-schemas';
import { useT, type Message, type Translate } from '@/lib/i18n';
import { ApiError, errorMessage, isProblem } from '@/lib/problem';
import { useTeam, type TeamMember } from '@/lib/team';
import { useCreatePool, type PoolInput } from '../api/create-pool';
import { useDeletePool } from '../api/delete-pool';
import { managesPool, usePools, type Pool } from '@/lib/pools';
import { useUpdatePool } from '../api/update-pool';
import { DistributionPanel } from './distribution-panel';
import { StoreLimitsCard } from './store-limits-card';

/** Text without a NUL character, as the server's Text.NO_NUL pattern takes it. */
const NO_NUL = /^[^\0]*$/;
/** Members named in a pool's row; more are counted. */
const NAMES_SHOWN = 3;

// The server's rules (PoolInput, PoolDirectory.validate): checked here first, so that a slip needs no round trip.
// memberIds: the ticked boxes' values (user ids as text), as a group of checkboxes gives them.
const poolSchema = z.object({
  name: requiredText(80).check(matching(NO_NUL)),
  everyone: z.boolean(),
  memberIds: z.array(z.string()),
  teams: z.array(z.string()),
  managerIds: z.array(z.string()),
});

type PoolValues = z.input<typeof poolSchema>;
type PoolForm = ZodForm<PoolValues, z.output<typeof poolSchema>>;

/** A pool as the form edits it; a new one is open to its members only, chosen below. */
function poolValues(pool?: Pool): PoolValues {
  return {
    name: pool?.name ?? '',
    everyone: pool?.everyone ?? false,
    memberIds: (pool?.memberIds ?? []).map(String),
    teams: pool?.teams ?? [],
    managerIds: (pool?.managerIds ?? []).map(String),
  };
}

/**
 * The request for the form's values. Members only when the pool is not open to everyone (the server ignores them
 * then); ids of users no longer in the team (a member or manager since deactivated, or a manager no longer one) are
 * left out, as the server refuses them.
 */
function poolInput(
  { name, everyone, memberIds, teams, managerIds }: z.output<typeof poolSchema>,
  team: TeamMember[] | undefined,
): PoolInput {
  const active = team ? new Set(team.map((member) => String(member.id))) : null;
  const managers = team ? new Set(team.filter((member) => member.role === 'MANAGER').map((member) => String(member.id))) : null;
  const managersKept = managerIds.filter((id) => !managers || managers.has(id)).map(Number);
  if (everyone) return { name, everyone: true, managerIds: managersKept };
  return {
    name,
    everyone: false,
    memberIds: memberIds.filter((id) => !active || active.has(id)).map(Number),
    teams,
    managerIds: managersKept,
  };
}

/**
 * The teams a pool may name: the store's users' team labels (each once, whatever its letter case), and those the
 * pool names already though nobody is in them now; alphabetical, with how many active users each has.
 */
function teamOptions(team: TeamMember[], named: string[]): { name: string; people: number }[] {
  const byKey = new Map<string, { name: string; people: number }>();
  for (const label of named) byKey.set(label.toLowerCase(), { name: label, people: 0 });
  for (const member of team) {
    const label = member.team?.trim();
    if (!label) continue;
    const option = byKey.get(label.toLowerCase()) ?? { name: label, people: 0 };
    option.people += 1;
    byKey.set(label.toLowerCase(), option);
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The server names a refused member by its place (`memberIds[2]`): here they are all about the one group of boxes. */
function formFieldPath(field: string): string {
  if (field.startsWith('memberIds')) return 'memberIds';
  return field.startsWith('managerIds') ? 'managerIds' : field;
}

/** A failed save: a taken name next to the name, a refused member next to the members, the rest as the server said it. */
function showServerErrors(form: PoolForm, error: unknown) {
  if (isProblem(error, 'pool-name-taken')) {
    form.setError('name', serverMessage({ key: 'pools.nameTaken' }));
    form.focusFirstError();
    return;
  }
  applyServerErrors(form, error, { fieldPath: formFieldPath });
  if (error instanceof ApiError && error.problem.errors.some((item) => item.field.startsWith('memberIds'))) {
    form.setError('memberIds', serverMessage({ key: 'pools.memberInactive' }));
  }
  if (error instanceof ApiError && error.problem.errors.some((item) => item.field.startsWith('managerIds'))) {
    form.setError('managerIds', serverMessage({ key: 'pools.managerNotManager' }));
  }
}

/** One box of a checklist: the value sent when ticked and the words beside it. */
interface ChecklistOption {
  value: string;
  label: string;
}

/**
 * A group of checkboxes for one of the form's lists (teams, members, managers): its legend, a hint, the boxes (or,
 * while they cannot be shown, `status` instead) and the field's error, described together for screen readers.
 */
function Checklist({
  form,
  name,
  legend,
  hint,
  options,
  status,
}: {
  form: PoolForm;
  name: 'teams' | 'memberIds' | 'managerIds';
  legend: string;
  hint: string;
  options: ChecklistOption[];
  status?: ReactNode;
}) {
  const id = useId();
  const error = form.fieldError(name);
  return (
    <fieldset className="checkbox-group pool-members" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {status ??
        (options.length > 0 && (
          <div className="pool-member-options">
            {options.map((option) => (
              <label key={option.value}>
                <input type="checkbox" value={option.value} aria-invalid={error ? true : undefined} {...form.register(name)} />{' '}
                {option.label}
              </label>
            ))}
          </div>
        ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The checklist of the store's active users, shown while the pool is not open to everyone. */
function MemberChecklist({ form }: { form: PoolForm }) {
  const t = useT();
  const teamQuery = useTeam();

  let status: ReactNode;
  if (teamQuery.isPending) status = <p role="status">{t('app.loading')}</p>;
  else if (teamQuery.isError) {
    const { key, params } = errorMessage(teamQuery.error);
    status = (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={() => void teamQuery.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  const options = (teamQuery.data ?? []).map((member) => ({
    value: String(member.id),
    label: t('pools.memberOption', { name: member.name, role: t(`role.${member.role}`) }),
  }));
  return (
    <Checklist form={form} name="memberIds" legend={t('pools.members')} hint={t('pools.membersHint')} options={options} status={status} />
  );
}

/**
 * Whole teams as members: everyone whose team label is ticked belongs, whoever joins the team later too. Offered
 * when the store's users have teams (set in Settings → Users).
 */
function TeamChecklist({ form }: { form: PoolForm }) {
  const t = useT();
  const team = useTeam().data;
  const named = form.formState.defaultValues?.teams?.filter((label): label is string => !!label) ?? [];
  if (!team) return null;
  const options = teamOptions(team, named).map((option) => ({
    value: option.name,
    label: t('pools.teamOption', { team: option.name, count: option.people }),
  }));
  return (
    <Checklist
      form={form}
      name="teams"
      legend={t('pools.teams')}
      hint={options.length > 0 ? t('pools.teamsHint') : t('pools.teamsNone')}
      options={options}
    />
  );
}

/**
 * The store's managers who may change this pool's rules and distribution besides the administrators (every manager
 * still sees the pool and assigns from it).
 */
function ManagerChecklist({ form }: { form: PoolForm }) {
  const t = useT();
  const team = useTeam().data;
  if (!team) return null;
  const options = team
    .filter((member) => member.role === 'MANAGER')
    .map((member) => ({ value: String(member.id), label: member.name }));
  return (
    <Checklist
      form={form}
      name="managerIds"
      legend={t('pools.managers')}
      hint={options.length > 0 ? t('pools.managersHint') : t('pools.managersNone')}
      options={options}
    />
  );
}

function PoolFields({ form }: { form: PoolForm }) {
  const t = useT();
  const everyone = useWatch({ control: form.control, name: 'everyone' });
  return (
    <>
      <TextField label={t('pools.name')} required maxLength={80} {...form.field('name')} />
      <label className="checkbox-line pool-everyone">
        <input type="checkbox" {...form.register('everyone')} /> {t('pools.everyone')}
      </label>
      {!everyone && <TeamChecklist form={form} />}
      {!everyone && <MemberChecklist form={form} />}
      <ManagerChecklist form={form} />
      <FormAlert alert={form.alert} />
    </>
  );
}

/** The row's own update, kept by the row: a save still ends (and says so) when the form is cancelled meanwhile. */
type UpdatePoolMutation = ReturnType<typeof useUpdatePool>;

function PoolEditForm({ pool, updateMutation, onDone }: { pool: Pool; updateMutation: UpdatePoolMutation; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const team = useTeam().data;
  const form = useZodForm(poolSchema, { defaultValues: poolValues(pool) });
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;

  const handleSave = form.handleSubmit((values) => {
    updateMutation.mutate(
      { pool, changes: poolInput(values, team) },
      {
        onSuccess: (updated) => {
          onDone();
          notify({ message: t('pools.saved', { name: updated.name }), tone: 'success' });
        },
        onError: (error) => {
          // Someone else saved first: said below, about no field.
          if (error instanceof ApiError && error.status === 412) form.focusFirstError();
          else showServerErrors(form, error);
        },
      },
    );
  });

  return (
    <form
      ref={form.formRef}
      className="form form-columns pool-form"
      onSubmit={handleSave}
      noValidate
      aria-label={t('pools.editPool', { name: pool.name })}
    >
      <PoolFields form={form} />
      {stale && (
        <p role="alert" tabIndex={-1} className="form-alert">
          {t('pools.stale')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={updateMutation.isPending}>
          {t('pools.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Who belongs to a pool, in words: everyone, nobody, a few names, or a count and the first names. */
function membersText(t: Translate, pool: Pool, team: TeamMember[] | undefined): string {
  if (pool.everyone) return t('pools.whoEveryone');
  const teams = pool.teams ?? [];
  const teamsText = teams.length > 0 ? t('pools.whoTeams', { teams: teams.join(t('pools.listSeparator')) }) : '';
  const usersText = usersOfPoolText(t, pool, team);
  if (!usersText) return teamsText || t('pools.whoNobody');
  return teamsText ? `${teamsText}${t('pools.whoSeparator')}${usersText}` : usersText;
}

/** The users a pool names one by one, in words; empty when none. */
function usersOfPoolText(t: Translate, pool: Pool, team: TeamMember[] | undefined): string {
  const count = pool.memberIds.length;
  if (count === 0) return '';
  const byId = new Map((team ?? []).map((member) => [member.id, member.name]));
  // A member since deactivated is not in the team: counted, not named.
  const names = pool.memberIds.flatMap((id) => byId.get(id) ?? []);
  if (names.length === 0) return t('pools.memberCount', { count });
  if (count <= NAMES_SHOWN && names.length === count) return names.join(t('pools.listSeparator'));
  const shown = names.slice(0, NAMES_SHOWN);
  return t('pools.whoMany', { count, names: shown.join(t('pools.listSeparator')), others: count - shown.length });
}

/** Who manages a pool besides the administrators, by name; empty when nobody (a manager since gone: counted). */
function managersText(t: Translate, pool: Pool, team: TeamMember[] | undefined): string {
  const ids = pool.managerIds;
  if (ids.length === 0) return '';
  const byId = new Map((team ?? []).map((member) => [member.id, member.name]));
  const names = ids.flatMap((id) => byId.get(id) ?? []);
  return names.length === ids.length
    ? t('pools.managedBy', { names: names.join(t('pools.listSeparator')) })
    : t('pools.managerCount', { count: ids.length });
}

/** Why a delete failed: the default pool stays (it takes new customers); the rest as any failure. */
function deleteFailure(error: unknown): Message {
  return isProblem(error, 'default-pool') ? { key: 'pools.defaultKept' } : errorMessage(error);
}

function PoolRow({
  pool,
  team,
  canEdit,
  canManage,
}: {
  pool: Pool;
  team: TeamMember[] | undefined;
  /** Add, change and delete pools: administrators. */
  canEdit: boolean;
  /** Change this pool's distribution: administrators and the pool's managers. */
  canManage: boolean;
}) {
  const t = useT();
  const notify = useNotify();
  const updateMutation = useUpdatePool();
  const deleteMutation = useDeletePool();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [distributionOpen, setDistributionOpen] = useState(false);
  const distributionId = useId();

  if (canEdit && mode === 'edit') {
    return (
      <li className="settings-item pool-item">
        <PoolEditForm pool={pool} updateMutation={updateMutation} onDone={() => setMode('view')} />
      </li>
    );
  }

  const failure = deleteMutation.error ? deleteFailure(deleteMutation.error) : null;
  return (
    <li className="settings-item pool-item">
      <span className="pool-name">
        <strong>{pool.name}</strong>
        {pool.isDefault && <span className="badge">{t('pools.default')}</span>}
      </span>
      <span className="muted pool-who">
        {membersText(t, pool, team)}
        {/* Who manages it, under who belongs: the row keeps its buttons on one line. */}
        {pool.managerIds.length > 0 && <span className="pool-managers">{managersText(t, pool, team)}</span>}
      </span>
      <span className="muted">{t('pools.count', { count: pool.customerCount })}</span>
      {/* Each pool has rules of its own, on the rules screen (managers read them, admins edit them). */}
      <Link
        className="button-link button-link-secondary"
        to={pool.isDefault ? '/settings/pool-rules' : `/settings/pool-rules?pool=${pool.id}`}
        aria-label={t('pools.rulesOf', { name: pool.name })}
      >
        {t('pools.rules')}
      </Link>
      <button
        type="button"
        aria-expanded={distributionOpen}
        aria-controls={distributionId}
        aria-label={t('pools.distributionOf', { name: pool.name })}
        onClick={() => setDistributionOpen((open) => !open)}
      >
        {t('pools.distribution')}
      </button>
      {canEdit &&
        (mode === 'delete' ? (
          <Confirm
            title={t('pools.confirmDelete', { name: pool.name })}
            description={t('pools.confirmDeleteText', { count: pool.customerCount })}
            confirmLabel={t('pools.delete')}
            cancelLabel={t('common.cancel')}
            danger
            pending={deleteMutation.isPending}
            onConfirm={() =>
              deleteMutation.mutate(pool.id, {
                onSuccess: () => notify({ message: t('pools.deleted', { name: pool.name }), tone: 'success' }),
                onSettled: () => setMode('view'),
              })
            }
            onCancel={() => setMode('view')}
          />
        ) : (
          <span className="row-actions">
            <button type="button" aria-label={t('pools.editPool', { name: pool.name })} onClick={() => setMode('edit')}>
              {t('pools.edit')}
            </button>
            {/* The default pool takes new customers and those of deleted pools: it stays. */}
            {!pool.isDefault && (
              <button type="button" aria-label={t('pools.deletePool', { name: pool.name })} onClick={() => setMode('delete')}>
                {t('pools.delete')}
              </button>
            )}
          </span>
        ))}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
      <div id={distributionId} className="pool-distribution" hidden={!distributionOpen}>
        {distributionOpen && <DistributionPanel pool={pool} canEdit={canManage} />}
      </div>
    </li>
  );
}

function AddPoolForm() {
  const t = useT();
  const notify = useNotify();
  const team = useTeam().data;
  const createMutation = useCreatePool();
  const form = useZodForm(poolSchema, { defaultValues: poolValues() });

  const handleCreate = form.handleSubmit((values) => {
    createMutation.mutate(poolInput(values, team), {
      onSuccess: (pool) => {
        form.reset();
        notify({ message: t('pools.added', { name: pool.name }), tone: 'success' });
        // The DOM's input: reset forgets the form's references until it renders again.
        form.formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      },
      onError: (error) => showServerErrors(form, error),
    });
  });

  return (
    <section aria-labelledby="add-pool-title" className="card">
      <h2 id="add-pool-title">{t('pools.addTitle')}</h2>
      <form
        ref={form.formRef}
        className="form form-columns pool-form"
        onSubmit={handleCreate}
        noValidate
        aria-busy={createMutation.isPending}
      >
        <PoolFields form={form} />
        <div className="form-actions">
          <button type="submit" disabled={createMutation.isPending}>
            {t('pools.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * Settings → Pools: the store's pools and who belongs to each. Administrators add, change and delete them;
 * managers see them, and set up the distribution of the pools they manage.
 */
export function PoolsScreen({ user }: { user: { id: number; role: string } }) {
  const canEdit = user.role === 'ADMIN';
  const t = useT();
  const poolsQuery = usePools();
  // Members by name (managers and administrators may list the team); until it arrives, members are counted.
  const team = useTeam().data;

  let list;
  if (poolsQuery.isPending) list = <p role="status">{t('app.loading')}</p>;
  else if (poolsQuery.isError) {
    const { key, params } = errorMessage(poolsQuery.error);
    list = (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={() => void poolsQuery.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if (poolsQuery.data.items.length === 0) list = <p>{t('pools.empty')}</p>;
  else
    list = (
      <ul className="settings-list" aria-labelledby="pools-list-title">
        {poolsQuery.data.items.map((pool) => (
          <PoolRow key={pool.id} pool={pool} team={team} canEdit={canEdit} canManage={managesPool(pool, user)} />
        ))}
      </ul>
    );

  return (
    <div className="stack">
      <div>
        <h1>{t('pools.title')}</h1>
        <p className="muted">{t('pools.intro')}</p>
      </div>
      {canEdit && <AddPoolForm />}
      <section aria-labelledby="pools-list-title" className="card">
        <h2 id="pools-list-title">{t('pools.listTitle')}</h2>
        {list}
      </section>
      <StoreLimitsCard canEdit={canEdit} />
    </div>
  );
}
