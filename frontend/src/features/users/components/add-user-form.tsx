import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { EMAIL_PATTERN, matching, requiredText } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { isProblem } from '@/lib/problem';
import { useCreateUser } from '../api/create-user';
import { ROLES, type User } from '../api/list-users';

// The server's rules (CreateUserRequest): checked here first, so that a slip needs no round trip.
const addUserSchema = z.object({
  name: requiredText(120),
  email: z.string().check(z.trim(), z.minLength(1), z.maxLength(254), matching(EMAIL_PATTERN, 'fieldError.EMAIL')),
  password: z.string().check(z.minLength(8), z.maxLength(72)),
  role: z.enum(ROLES),
});

type AddUserValues = z.input<typeof addUserSchema>;

const EMPTY: AddUserValues = { name: '', email: '', password: '', role: 'REP' };

export function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const t = useT();
  const createMutation = useCreateUser();
  const form = useZodForm(addUserSchema, { defaultValues: EMPTY });

  const handleSubmit = form.handleSubmit((values) => {
    createMutation.mutate(values, {
      onSuccess: (user) => {
        form.reset();
        // Ready for the next one. (The DOM's input: reset forgets the form's references until it renders again.)
        form.formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
        onAdded(user);
      },
      onError: (error) => {
        if (isProblem(error, 'email-taken')) {
          // A taken email is about one field: say it there rather than in a general alert.
          form.setError('email', serverMessage({ key: 'users.add.emailTaken' }));
          form.focusFirstError();
        } else {
          applyServerErrors(form, error);
        }
      },
    });
  });

  const pending = createMutation.isPending;
  return (
    <section aria-labelledby="add-user-title" className="card">
      <h2 id="add-user-title">{t('users.add.title')}</h2>
      {/* noValidate: the messages (the form's own checks, then the server's) appear next to the fields. */}
      <form ref={form.formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form form-columns">
        <TextField label={t('users.add.name')} autoComplete="off" required {...form.field('name')} />
        <TextField label={t('users.add.email')} type="email" autoComplete="off" required {...form.field('email')} />
        <TextField
          label={t('users.add.password')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('users.add.passwordHint')}
          {...form.field('password')}
        />
        <SelectField
          label={t('users.add.role')}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          {...form.field('role')}
        />
        <FormAlert alert={form.alert} />
        <div>
          <button type="submit" disabled={pending}>
            {pending ? t('users.add.pending') : t('users.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
