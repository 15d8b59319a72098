import { useRef, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { isProblem } from '@/lib/problem';
import { useCreateUser, type CreateUserInput } from '../api/create-user';
import { ROLES, type Role, type User } from '../api/list-users';

const FIELDS = ['name', 'email', 'password', 'role'] as const satisfies readonly (keyof CreateUserInput)[];

export function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const createMutation = useCreateUser();
  const emailTaken = isProblem(createMutation.error, 'email-taken');
  // A taken email is about one field: say it there rather than in a general alert.
  const { fieldErrors, alert } = useFormErrors(emailTaken ? null : createMutation.error, FIELDS);
  const emailError = emailTaken ? t('users.add.emailTaken') : fieldErrors.email;
  useFocusOnError(formRef, createMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (field: (typeof FIELDS)[number]) => String(data.get(field) ?? '');
    createMutation.mutate(
      { name: value('name'), email: value('email'), password: value('password'), role: value('role') as Role },
      {
        onSuccess: (user) => {
          form.reset();
          // Ready for the next one.
          form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
          onAdded(user);
        },
      },
    );
  }

  const pending = createMutation.isPending;
  return (
    <section aria-labelledby="add-user-title" className="card">
      <h2 id="add-user-title">{t('users.add.title')}</h2>
      {/* noValidate: the server owns the rules and its messages appear next to the fields. */}
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form form-columns">
        <TextField label={t('users.add.name')} name="name" autoComplete="off" required error={fieldErrors.name} />
        <TextField
          label={t('users.add.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          error={emailError}
        />
        <TextField
          label={t('users.add.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('users.add.passwordHint')}
          error={fieldErrors.password}
        />
        <SelectField
          label={t('users.add.role')}
          name="role"
          defaultValue="REP"
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          error={fieldErrors.role}
        />
        <FormAlert alert={alert} />
        <div>
          <button type="submit" disabled={pending}>
            {pending ? t('users.add.pending') : t('users.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
