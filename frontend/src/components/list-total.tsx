import { useT, type MessageKey } from '@/lib/i18n';

/** The bound a list's first page counts its matches up to (the API's countUpTo): cheap however many match. */
export const COUNT_BOUND = 1000;

/**
 * The countUpTo of a list request: the bound on a first page (cheap, so always), nothing on later pages or when every
 * match is counted (includeTotal).
 */
export function countUpTo(query: Record<string, unknown>, cursor: string | undefined): number | undefined {
  return cursor === undefined && query.includeTotal !== 'true' ? COUNT_BOUND : undefined;
}

interface ListTotalProps {
  /** The first page's total: exact, or the bound when `capped`. */
  total: number | null | undefined;
  capped: boolean | null | undefined;
  /** A new filter is loading: say so instead of the last total. */
  updating: boolean;
  /** "{count} customers match" with a plural, and its "more than" form. */
  exactKey: MessageKey;
  moreKey: MessageKey;
  /** Count every match (the list's includeTotal); offered only while the bound was reached. */
  onCountAll: () => void;
}

/**
 * How many match, on every list: exact when the matches fit under the bound, else "more than 1,000" with a button
 * that counts them all. Always rendered with a fixed height, so what appears in it is announced and nothing jumps.
 */
export function ListTotal({ total, capped, updating, exactKey, moreKey, onCountAll }: ListTotalProps) {
  const t = useT();
  let text = '';
  if (updating) text = t('customers.updating');
  else if (total != null) text = t(capped ? moreKey : exactKey, { count: total });
  return (
    <span className="list-total">
      <span role="status" className="list-status">
        {text}
      </span>
      {!updating && capped && (
        <button type="button" className="button-link" onClick={onCountAll}>
          {t('list.countAll')}
        </button>
      )}
    </span>
  );
}
