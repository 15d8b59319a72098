import { useT } from '@/lib/i18n';

/** A positive whole id from the address (`/customers/:id`...), or null. */
export function idOf(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** What an address with no such id shows: the same words as a missing record. */
export function UnknownAddress() {
  const t = useT();
  return (
    <p role="alert" className="form-alert">
      {t('problem.notFound')}
    </p>
  );
}
