import { useRef, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useLocale, useT } from '@/lib/i18n';
import { isProblem } from '@/lib/problem';
import { useSignup, type SignupInput } from '../api/signup';

const FIELDS = ['storeName', 'name', 'email', 'password'] as const satisfies readonly (keyof SignupInput)[];

export function SignupForm() {
  const t = useT();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const signupMutation = useSignup();
  const emailTaken = isProblem(signupMutation.error, 'email-taken');
  // A taken email is about one field: say it there rather than in a general alert.
  const { fieldErrors, alert } = useFormErrors(emailTaken ? null : signupMutation.error, FIELDS);
  const emailError = emailTaken ? t('problem.emailTaken') : fieldErrors.email;
  useFocusOnError(formRef, signupMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (field: (typeof FIELDS)[number]) => String(form.get(field) ?? '');
    signupMutation.mutate({
      storeName: value('storeName'),
      name: value('name'),
      email: value('email'),
      password: value('password'),
      // The store's calendar days (daily claim limits, statistics) follow the founder's time zone.
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      // The store's own language follows the one the founder reads: Harbor names its default lost reasons in it.
      language: locale,
    });
  }

  const pending = signupMutation.isPending;
  return (
    // noValidate: the server owns the rules, and its messages (in the chosen language via
    // Accept-Language) appear next to the fields instead of the browser's own bubbles.
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-busy={pending} className="form">
      <TextField
        label={t('signup.storeName')}
        name="storeName"
        autoComplete="organization"
        required
        error={fieldErrors.storeName}
      />
      <TextField label={t('signup.name')} name="name" autoComplete="name" required error={fieldErrors.name} />
      <TextField
        label={t('signup.email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={emailError}
      />
      <TextField
        label={t('signup.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t('signup.passwordHint')}
        error={fieldErrors.password}
      />
      <FormAlert alert={alert} />
      <button type="submit" disabled={pending}>
        {pending ? t('signup.pending') : t('signup.submit')}
      </button>
    </form>
  );
}
