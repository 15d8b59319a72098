import { useId, useMemo, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Field } from '@/components/form/filter-controls';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { StockBadge } from '@/components/stock-badge';
import type { Role } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { useMoney } from '@/lib/money';
import { useProducts, type Product, type ProductFilters } from '../api/list-products';

const FILTER_KEYS = ['q', 'category', 'active'] as const;

function filtersOf(search: URLSearchParams): ProductFilters {
  const filters: ProductFilters = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** Search, category and active filters; uncontrolled, remounted whenever the URL's filters change. */
function ProductFilterPanel({
  filters,
  categories,
  onApply,
}: {
  filters: ProductFilters;
  categories: string[];
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useT();
  const categoryListId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      const text = String(value).trim();
      if (text) next.set(key, text);
    }
    onApply(next);
  }

  return (
    <form role="search" aria-label={t('products.filter.title')} className="card filter-panel" onSubmit={handleSubmit}>
      <div className="filter-search">
        <Field label={t('customers.filter.q')}>
          {(id) => <input id={id} type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('products.filter.qHint')} />}
        </Field>
        <Field label={t('products.field.category')}>
          {(id) => <input id={id} name="category" list={categoryListId} defaultValue={filters.category ?? ''} />}
        </Field>
        <datalist id={categoryListId}>
          {categories.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
        <Field label={t('products.filter.active')}>
          {(id) => (
            <select id={id} name="active" defaultValue={filters.active ?? ''}>
              <option value="">{t('products.filter.activeAny')}</option>
              <option value="true">{t('products.active')}</option>
              <option value="false">{t('products.inactive')}</option>
            </select>
          )}
        </Field>
        <button type="submit">{t('customers.filter.apply')}</button>
        <button type="button" onClick={() => onApply(new URLSearchParams())}>
          {t('customers.filter.clear')}
        </button>
      </div>
    </form>
  );
}

function ProductsTable({ products, busy }: { products: Product[]; busy: boolean }) {
  const t = useT();
  const money = useMoney();
  return (
    <div className="table-scroll table-cards table-cards-plain">
      <table aria-labelledby="products-title" aria-busy={busy} className={busy ? 'is-busy' : undefined}>
        <thead>
          <tr>
            <th scope="col">{t('products.field.name')}</th>
            <th scope="col">{t('products.field.sku')}</th>
            <th scope="col">{t('products.field.category')}</th>
            <th scope="col">{t('products.field.listPrice')}</th>
            <th scope="col">{t('products.stock')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id} className={product.active ? undefined : 'is-inactive'}>
              <th scope="row">
                <Link to={`/products/${product.id}`}>{product.name}</Link>
                {!product.active && <span className="tag-chip inactive-chip">{t('products.inactive')}</span>}
              </th>
              <td data-label={t('products.field.sku')} className="sku">
                {product.sku}
              </td>
              <td data-label={t('products.field.category')}>{product.category ?? '—'}</td>
              <td data-label={t('products.field.listPrice')}>
                {product.listPrice != null
                  ? t('price.perUnit', { price: money(product.listPrice, product.currency), unit: product.unit })
                  : '—'}
              </td>
              <td data-label={t('products.stock')}>
                <StockBadge stock={product.stock} moq={product.moq} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Products: the catalogue with its stock, searchable; managers and administrators add products. */
export function ProductsScreen({ role }: { role: Role }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const filters = useMemo(() => filtersOf(new URLSearchParams(searchKey)), [searchKey]);
  const productsQuery = useProducts(filters);
  const products = productsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const busy = productsQuery.isFetching && !productsQuery.isFetchingNextPage && !productsQuery.isPending;
  // Offered in the category filter: the categories of what is listed (there is no list of categories of its own).
  const categories = [...new Set(products.flatMap((product) => (product.category ? [product.category] : [])))].sort();
  const filtered = Object.keys(filters).length > 0;
  const canWrite = role !== 'REP';

  let body;
  if (productsQuery.isPending) {
    body = (
      <p role="status" className="table-placeholder">
        {t('app.loading')}
      </p>
    );
  } else if (productsQuery.isLoadingError || (productsQuery.isRefetchError && products.length === 0)) {
    body = <QueryError error={productsQuery.error} onRetry={() => void productsQuery.refetch()} />;
  } else if (products.length === 0) {
    body = (
      <div className="empty table-placeholder">
        <p>{filtered ? t('products.emptyFiltered') : t('products.empty')}</p>
        {canWrite && !filtered && <Link to="/products/new">{t('products.new')}</Link>}
      </div>
    );
  } else {
    body = <ProductsTable products={products} busy={busy} />;
  }

  return (
    <div className="stack">
      <div className="page-title">
        <h1 id="products-title">{t('products.title')}</h1>
        {canWrite && (
          <Link to="/products/new" className="button-link">
            {t('products.new')}
          </Link>
        )}
      </div>
      <ProductFilterPanel key={searchKey} filters={filters} categories={categories} onApply={setSearch} />
      <section aria-labelledby="products-title" className="card">
        {/* Always rendered with a fixed height, so what appears in it is announced and nothing jumps. */}
        <span role="status" className="list-status">
          {busy ? t('customers.updating') : ''}
        </span>
        {body}
        <LoadMore query={productsQuery} />
      </section>
    </div>
  );
}
