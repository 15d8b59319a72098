import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useFieldArray } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { fieldMessageParams } from '@/lib/form-messages';
import { EMAIL_PATTERN, matching, optionalText, requiredText } from '@/lib/form-schemas';
import { setLocale } from '@/lib/i18n';
import { parseProblem, ApiError } from '@/lib/problem';
import { FormAlert } from './form-alert';
import { TextField } from './text-field';
import { applyServerErrors, useZodForm, type ApplyServerErrorsOptions } from './use-zod-form';

const PROBLEMS = 'https://harbor-crm.dev/problems';

const schema = z.object({
  name: requiredText(20),
  email: z.string().check(z.trim(), z.maxLength(254), matching(EMAIL_PATTERN, 'fieldError.EMAIL')),
  password: z.string().check(z.minLength(8), z.maxLength(72)),
  seats: z.string().check(z.refine((value) => value === '' || (Number(value) >= 1 && Number(value) <= 50), {
    params: fieldMessageParams('fieldError.RANGE.between', { min: 1, max: 50 }),
  })),
  contacts: z.array(z.object({ handle: optionalText(30) })),
});

type Values = z.input<typeof schema>;

const EMPTY: Values = { name: '', email: '', password: '', seats: '', contacts: [{ handle: '' }, { handle: '' }] };

function problem(body: Record<string, unknown>, status = 400): ApiError {
  return new ApiError(parseProblem({ type: `${PROBLEMS}/validation`, title: 'Invalid', status, ...body }, status));
}

/** A form as the app's forms are made: TextFields bound with form.field(), the alert under them. */
function Harness({
  onValid,
  answer,
  options,
}: {
  onValid?: (values: Values) => void;
  /** What "the server" says to a valid submit. */
  answer?: unknown;
  options?: ApplyServerErrorsOptions;
}) {
  const form = useZodForm(schema, { defaultValues: EMPTY });
  const { fields } = useFieldArray({ control: form.control, name: 'contacts' });
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.handleSubmit((values) => {
        onValid?.(values);
        if (answer) applyServerErrors(form, answer, options);
      })}
    >
      <TextField label="Name" {...form.field('name')} />
      <TextField label="Email" {...form.field('email')} />
      <TextField label="Password" type="password" {...form.field('password')} />
      <TextField label="Seats" {...form.field('seats')} />
      {fields.map((row, index) => (
        <TextField key={row.id} label={`Handle ${index + 1}`} {...form.field(`contacts.${index}.handle`)} />
      ))}
      <FormAlert alert={form.alert} />
      <button type="submit">Save</button>
    </form>
  );
}

function setup(props: Parameters<typeof Harness>[0] = {}) {
  const user = userEvent.setup();
  render(<Harness {...props} />);
  return { user, submit: () => user.click(screen.getByRole('button', { name: 'Save' })) };
}

describe('useZodForm: the form’s own checks', () => {
  it('blocks a bad submit naming every mistake at once, in the server’s words, and focuses the first', async () => {
    const onValid = vi.fn();
    const { user, submit } = setup({ onValid });

    await user.type(screen.getByLabelText('Email'), 'not-an-address');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Seats'), '99');
    await user.type(screen.getByLabelText('Handle 2'), 'x'.repeat(31));
    await submit();

    expect(onValid).not.toHaveBeenCalled();
    const name = screen.getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    // Both limits of the schema, as the server says them.
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Use 8 to 72 characters.');
    expect(screen.getByLabelText('Seats')).toHaveAccessibleDescription('Enter a number from 1 to 50.');
    expect(screen.getByLabelText('Handle 1')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Handle 2')).toHaveAccessibleDescription('At most 30 characters.');
    await vi.waitFor(() => expect(name).toHaveFocus());
    // Nothing about the server: no alert.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('checks again on every change once submitted, and sends the trimmed values', async () => {
    const onValid = vi.fn();
    const { user, submit } = setup({ onValid });

    await submit();
    const name = screen.getByLabelText('Name');
    expect(name).toHaveAccessibleDescription('Required.');
    await user.type(name, '  Li Na ');
    expect(name).not.toHaveAttribute('aria-invalid');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await submit();

    expect(onValid).toHaveBeenCalledWith(expect.objectContaining({ name: 'Li Na', password: 'long enough' }));
  });

  it('says the mistakes in Chinese, never in zod’s English, and follows a change of language', async () => {
    setLocale('zh-CN');
    const { user, submit } = setup();

    await user.type(screen.getByLabelText('Email'), 'nope');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Handle 1'), 'x'.repeat(31));
    await submit();

    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('必填。');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('请输入有效的电子邮箱，例如 name@example.com。');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('请输入 8 到 72 个字符。');
    expect(screen.getByLabelText('Handle 1')).toHaveAccessibleDescription('最多 30 个字符。');
    expect(document.body).not.toHaveTextContent(/Invalid|Too small|Too big|expected/i);

    act(() => setLocale('en'));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Required.');
  });
});

describe('applyServerErrors', () => {
  const answer = problem({
    errors: [
      { field: 'email', message: 'must be a well-formed email address', code: 'EMAIL' },
      { field: 'contacts[1].handle', message: 'size must be between 0 and 30', code: 'LENGTH', min: 0, max: 30 },
      { field: 'name', message: 'is taken', code: 'TAKEN' },
      { field: 'name', message: 'must not be blank', code: 'REQUIRED' },
      { field: 'timeZone', message: 'is not a known time zone', code: 'INVALID' },
      { field: 'plan', message: 'must be one of', code: 'ONE_OF' },
    ],
  });

  async function submitValid(props: Parameters<typeof Harness>[0]) {
    const { user, submit } = setup(props);
    await user.type(screen.getByLabelText('Name'), 'Li Na');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await submit();
    return { user, submit };
  }

  it('puts each field error on its input (nested array paths too) and the rest in the alert, then focuses the first', async () => {
    await submitValid({ answer });

    const name = screen.getByLabelText('Name');
    // Several errors for one field: all said.
    expect(name).toHaveAccessibleDescription('Already in use: choose another. Required.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(screen.getByLabelText('Handle 2')).toHaveAccessibleDescription('At most 30 characters.');
    expect(screen.getByLabelText('Handle 1')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some details need fixing: see the messages next to the fields.');
    const details = within(alert).getAllByRole('listitem');
    expect(details.map((item) => item.textContent)).toEqual([
      'timeZone: This value is not accepted.',
      'plan: Choose one of the values offered.',
    ]);
    await vi.waitFor(() => expect(name).toHaveFocus());
  });

  it('clears a server error once its field changes, and the alert on the next submit', async () => {
    const { user, submit } = await submitValid({ answer: problem({ errors: [{ field: 'name', message: 'taken', code: 'TAKEN' }] }) });

    const name = screen.getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.type(name, ' Jr');
    expect(name).not.toHaveAttribute('aria-invalid');

    await user.clear(name);
    await submit();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(name).toHaveAccessibleDescription('Required.');
  });

  it('shows a problem about no field in the alert, with the reference for support, and focuses it', async () => {
    await submitValid({
      answer: new ApiError(parseProblem({ type: `${PROBLEMS}/internal`, title: 'Boom', status: 500, errorId: 'err-7' }, 500)),
    });

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side.');
    expect(alert).toHaveTextContent('Reference for support: err-7');
    await vi.waitFor(() => expect(alert).toHaveFocus());
  });

  it('explains a network failure in the alert', async () => {
    await submitValid({ answer: new TypeError('Failed to fetch') });
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach Harbor CRM.');
  });

  it('puts a field where the form keeps it, through fieldPath', async () => {
    await submitValid({
      answer: problem({ errors: [{ field: 'contacts[0].handle', message: 'too long', code: 'LENGTH', max: 30 }] }),
      // The server counted only the rows sent: its first is the form's second.
      options: { fieldPath: (field) => field.replace(/^contacts\.0\./, 'contacts.1.') },
    });
    expect(screen.getByLabelText('Handle 2')).toHaveAccessibleDescription('At most 30 characters.');
    expect(screen.getByLabelText('Handle 1')).not.toHaveAttribute('aria-invalid');
  });

  it('says the server’s field errors in Chinese', async () => {
    setLocale('zh-CN');
    const { submit } = setup({ answer });
    await userEvent.type(screen.getByLabelText('Name'), 'Li Na');
    await userEvent.type(screen.getByLabelText('Password'), 'long enough');
    await submit();

    expect(screen.getByLabelText('Handle 2')).toHaveAccessibleDescription('最多 30 个字符。');
    expect(screen.getByRole('alert')).toHaveTextContent('部分信息需要修改，请查看各字段旁的提示。');
    expect(screen.getByRole('alert')).toHaveTextContent('timeZone: 此值无效。');
  });
});
