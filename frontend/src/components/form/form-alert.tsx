import type { FormAlertContent } from './use-form-errors';

export function FormAlert({ alert }: { alert: FormAlertContent | null }) {
  if (!alert) return null;
  return (
    // tabIndex lets the form move focus here, so keyboard users are not left on a disabled button.
    <div role="alert" tabIndex={-1} className="form-alert">
      <p>{alert.message}</p>
      {alert.details.length > 0 && (
        <ul>
          {alert.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {alert.reference && <p className="form-alert-reference">{alert.reference}</p>}
    </div>
  );
}
