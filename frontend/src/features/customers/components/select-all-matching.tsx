import { useT } from '@/lib/i18n';
import { MAX_BATCH } from './batch-bar';

/**
 * The line over a list whose shown rows are all ticked while more match (as in Gmail): it offers to select every
 * customer the filter matches, or says that they are too many for one batch action, or that they are selected.
 */
export function SelectAllMatching({
  shown,
  total,
  allMatching,
  onSelectAll,
}: {
  /** Rows loaded and ticked. */
  shown: number;
  /** All matches, once counted. */
  total: number | null | undefined;
  allMatching: boolean;
  onSelectAll: () => void;
}) {
  const t = useT();
  let rest;
  if (allMatching && total != null) {
    rest = <span>{t('customers.allMatching.done', { count: total })}</span>;
  } else if (total == null) {
    rest = null;
  } else if (total > MAX_BATCH) {
    rest = <span>{t('customers.allMatching.tooMany', { count: total, max: MAX_BATCH })}</span>;
  } else if (total > shown) {
    rest = (
      <button type="button" className="link-button" onClick={onSelectAll}>
        {t('customers.allMatching.offer', { count: total })}
      </button>
    );
  }
  return (
    <div className="select-all-line" role="status">
      {!allMatching && <span>{t('customers.allMatching.page', { count: shown })}</span>}
      {rest}
    </div>
  );
}
