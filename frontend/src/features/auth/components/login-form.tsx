import { useRef, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { useLogin, type LoginInput } from '../api/login';

const FIELDS = ['email', 'password'] as const satisfies readonly (keyof LoginInput)[];

export function LoginForm() {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const loginMutation = useLogin();
  const { fieldErrors, alert } = useFormErrors(loginMutation.error, FIELDS);
  useFocusOnError(formRef, loginMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    loginMutation.mutate({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
  }

  const pending = loginMutation.isPending;
  return (
    // noValidate: the server owns the rules, and its messages (in the chosen language via
    // Accept-Language) appear next to the fields instead of the browser's own bubbles.
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form">
      <TextField
        label={t('login.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        error={fieldErrors.email}
      />
      <TextField
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <FormAlert alert={alert} />
      <button type="submit" disabled={pending}>
        {pending ? t('login.pending') : t('login.submit')}
      </button>
    </form>
  );
}
