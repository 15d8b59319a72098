import { useFormatters, useLocale, useT } from '@/lib/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago, in the reader's language ("5 minutes ago", "yesterday"), for the past week; a date before that. */
export function LastUsed({ at, now = Date.now() }: { at: string | null | undefined; now?: number }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  if (!at) return <span className="muted">{t('apiKeys.neverUsed')}</span>;
  const ago = now - new Date(at).getTime();
  let text: string;
  if (ago < MINUTE) text = t('apiKeys.justNow');
  else if (ago < 7 * DAY) {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    if (ago < HOUR) text = relative.format(-Math.floor(ago / MINUTE), 'minute');
    else if (ago < DAY) text = relative.format(-Math.floor(ago / HOUR), 'hour');
    else text = relative.format(-Math.floor(ago / DAY), 'day');
  } else text = format.date(at);
  return (
    <time dateTime={at} title={format.dateTime(at)}>
      {text}
    </time>
  );
}
