import type { MessageKey, Translate } from '@/lib/i18n';

/** The customer fields a column can fill (the contract's mapping targets), in the order a form shows them. */
export const IMPORT_FIELDS = [
  'name',
  'companyName',
  'position',
  'email',
  'phone',
  'mobile',
  'fax',
  'im:WHATSAPP',
  'im:WECHAT',
  'im:SKYPE',
  'im:LINE',
  'im:TELEGRAM',
  'im:WANGWANG',
  'im:OTHER',
  'website',
  'country',
  'region',
  'city',
  'address',
  'postcode',
  'businessType',
  'mainProducts',
  'purchaseCategories',
  'annualPurchaseAmount',
  'companySize',
  'source',
  'stage',
  'stars',
  'status',
  'notes',
  'tags',
] as const;

export const IGNORE = 'ignore';

/** Fields the customer screens already name; the others have an import-only label. */
const SHARED_LABELS: Partial<Record<string, MessageKey>> = {
  name: 'customers.field.name',
  companyName: 'customers.field.companyName',
  position: 'customers.field.position',
  email: 'customers.field.email',
  phone: 'customers.field.phone',
  mobile: 'customers.field.mobile',
  fax: 'customers.field.fax',
  website: 'customers.field.website',
  country: 'customers.field.country',
  city: 'customers.field.city',
  address: 'customers.field.address',
  mainProducts: 'customers.field.mainProducts',
  source: 'customers.field.source',
  stage: 'customers.field.stage',
  stars: 'customers.field.stars',
  status: 'customers.field.status',
  notes: 'customers.field.notes',
  tags: 'customers.field.tags',
};

const IMPORT_LABELS: Partial<Record<string, MessageKey>> = {
  region: 'imports.field.region',
  postcode: 'imports.field.postcode',
  businessType: 'imports.field.businessType',
  purchaseCategories: 'imports.field.purchaseCategories',
  annualPurchaseAmount: 'imports.field.annualPurchaseAmount',
  companySize: 'imports.field.companySize',
};

/**
 * A mapping target in words: "Email", "WeChat account", "Custom field: Incoterm", "Ignored".
 * `customLabels` names custom fields by key; an unknown key shows as is.
 */
export function fieldLabel(
  t: Translate,
  field: string | null | undefined,
  customLabels: ReadonlyMap<string, string> = new Map(),
): string {
  if (!field || field === IGNORE) return t('imports.field.ignored');
  if (field.startsWith('im:')) return t('imports.field.im', { channel: t(`im.${field.slice(3)}` as MessageKey) });
  if (field.startsWith('cf.')) {
    const key = field.slice(3);
    return t('imports.field.custom', { key: customLabels.get(key) ?? key });
  }
  const key = SHARED_LABELS[field] ?? IMPORT_LABELS[field];
  return key ? t(key) : field;
}
