import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Confirm } from '@/components/confirm';
import { StockBadge } from '@/components/stock-badge';
import { useNotify } from '@/components/toast';
import type { Role } from '@/lib/domain';
import { useFormatters, useT } from '@/lib/i18n';
import { useMoney } from '@/lib/money';
import { ApiError, errorMessage, isProblem } from '@/lib/problem';
import { PageLoadError } from '@/components/query-error';
import { useDeleteProduct } from '../api/delete-product';
import { useProduct } from '../api/get-product';
import type { Product } from '../api/list-products';
import { useUpdateProduct } from '../api/update-product';
import { ProductForm, productPatch } from './product-form';
import { StockHistory } from './stock-history';
import { StockMovementForm, type StockMovementFormKind } from './stock-movement-form';

function ProductDetails({ product }: { product: Product }) {
  const t = useT();
  const format = useFormatters();
  const money = useMoney();
  const attributes = Object.entries(product.attributes);
  const row = (label: string, value: ReactNode) => (
    <div className="profile-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="profile">
      {row(t('products.field.sku'), <span className="sku">{product.sku}</span>)}
      {row(t('products.field.category'), product.category ?? '—')}
      {row(
        t('products.field.listPrice'),
        product.listPrice != null
          ? t('price.perUnit', { price: money(product.listPrice, product.currency), unit: product.unit })
          : t('products.noListPrice'),
      )}
      {row(t('products.field.currency'), product.currency)}
      {row(t('products.field.unit'), product.unit)}
      {row(t('products.field.moq'), product.moq != null ? format.number(product.moq) : '—')}
      {row(t('products.field.status'), product.active ? t('products.activeLong') : t('products.inactiveLong'))}
      {product.description && row(t('products.field.description'), <span className="pre-wrap">{product.description}</span>)}
      {product.imageUrl &&
        row(
          t('products.field.imageUrl'),
          // A link, not an <img>: the app's content security policy loads no pictures from other sites.
          <a href={product.imageUrl} target="_blank" rel="noreferrer noopener">
            {t('products.openImage')}
          </a>,
        )}
      {attributes.length > 0 &&
        row(
          t('products.field.attributes'),
          <ul className="plain-list">
            {attributes.map(([key, value]) => (
              <li key={key}>
                {key}: {typeof value === 'string' ? value : JSON.stringify(value)}
              </li>
            ))}
          </ul>,
        )}
      {row(t('products.field.updated'), format.dateTime(product.updatedAt))}
    </dl>
  );
}

/** The details card, or (for managers) its edit form, saved as a merge patch against the version the edit began from. */
function DetailsCard({ product, canWrite, refetch }: { product: Product; canWrite: boolean; refetch: () => Promise<Product | undefined> }) {
  const t = useT();
  const updateMutation = useUpdateProduct();
  // The version the edit started from: a save sends it, so a change by someone else meanwhile answers 412.
  const [base, setBase] = useState<Product | null>(null);
  const notify = useNotify();
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;

  async function reloadTheirs() {
    updateMutation.reset();
    const latest = await refetch();
    setBase(latest ?? null);
  }

  return (
    <section aria-labelledby="product-details-title" className="card">
      <div className="page-title">
        <h2 id="product-details-title">{t('products.details')}</h2>
        {canWrite && !base && (
          <button
            type="button"
            onClick={() => {
              updateMutation.reset();
              setBase(product);
            }}
          >
            {t('products.edit')}
          </button>
        )}
      </div>
      {base ? (
        <ProductForm
          key={base.version}
          product={base}
          error={updateMutation.error}
          pending={updateMutation.isPending}
          submitLabel={t('customers.profile.save')}
          pendingLabel={t('customers.profile.saving')}
          alert={
            stale ? (
              <div role="alert" className="form-alert field-wide">
                <p>{t('products.stale.message')}</p>
                <div className="confirm-actions">
                  <button type="button" onClick={() => void reloadTheirs()}>
                    {t('customers.stale.reload')}
                  </button>
                </div>
              </div>
            ) : undefined
          }
          onSubmit={(values) => {
            const patch = productPatch(base, values);
            if (Object.keys(patch).length === 0) {
              setBase(null);
              return;
            }
            updateMutation.mutate(
              { product: base, patch },
              {
                onSuccess: () => {
                  setBase(null);
                  notify({ message: t('customers.profile.saved'), tone: 'success' });
                },
              },
            );
          }}
          onCancel={() => setBase(null)}
        />
      ) : (
        <ProductDetails product={product} />
      )}
    </section>
  );
}

/** On hand, reserved and available, and (managers) the receipt and count-correction forms. */
function StockCard({ product, canWrite }: { product: Product; canWrite: boolean }) {
  const t = useT();
  const format = useFormatters();
  const [open, setOpen] = useState<StockMovementFormKind | null>(null);
  const notify = useNotify();
  return (
    <section aria-labelledby="product-stock-title" className="card">
      <h2 id="product-stock-title">{t('products.stock')}</h2>
      <dl className="stat-tiles">
        <div className="stat-tile">
          <dt>{t('products.stockOnHand')}</dt>
          <dd>{format.number(product.stock.onHand)}</dd>
        </div>
        <div className="stat-tile">
          <dt>{t('products.stockReserved')}</dt>
          <dd>{format.number(product.stock.reserved)}</dd>
        </div>
        <div className="stat-tile">
          <dt>{t('products.stockAvailable')}</dt>
          <dd>{format.number(product.stock.available)}</dd>
        </div>
      </dl>
      <StockBadge stock={product.stock} moq={product.moq} compact />
      {canWrite &&
        (open ? (
          <StockMovementForm
            key={open}
            product={product}
            kind={open}
            onDone={(text) => {
              setOpen(null);
              notify({ message: text, tone: 'success' });
            }}
            onCancel={() => setOpen(null)}
          />
        ) : (
          <div className="form-actions">
            <button
              type="button"
              onClick={() => setOpen('RECEIVED')}
            >
              {t('products.receive.open')}
            </button>
            <button
              type="button"
              onClick={() => setOpen('ADJUSTED')}
            >
              {t('products.correct.open')}
            </button>
          </div>
        ))}
    </section>
  );
}

/** Deactivate / activate and delete, for managers and administrators. */
function ProductActions({ product }: { product: Product }) {
  const t = useT();
  const navigate = useNavigate();
  const updateMutation = useUpdateProduct();
  const deleteMutation = useDeleteProduct();
  const [confirming, setConfirming] = useState<'deactivate' | 'delete' | null>(null);

  function setActive(active: boolean) {
    deleteMutation.reset();
    updateMutation.mutate({ product, patch: { active } }, { onSettled: () => setConfirming(null) });
  }

  let failure: string | null = null;
  if (isProblem(deleteMutation.error, 'product-in-use')) failure = t('products.delete.inUse', { sku: product.sku });
  else if (updateMutation.error instanceof ApiError && updateMutation.error.status === 412) failure = t('products.stale.quick');
  else {
    const error = deleteMutation.error ?? updateMutation.error;
    if (error) {
      const { key, params } = errorMessage(error);
      failure = t(key, params);
    }
  }

  return (
    <div className="product-actions">
      {confirming === 'deactivate' && (
        <Confirm
          title={t('products.deactivate.confirm', { sku: product.sku })}
          description={t('products.deactivate.confirmText')}
          confirmLabel={t('products.deactivate.button')}
          cancelLabel={t('common.cancel')}
          danger
          pending={updateMutation.isPending}
          onConfirm={() => setActive(false)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {confirming === 'delete' && (
        <Confirm
          title={t('products.delete.confirm', { sku: product.sku })}
          description={t('products.delete.confirmText')}
          confirmLabel={t('products.delete.button')}
          cancelLabel={t('common.cancel')}
          danger
          pending={deleteMutation.isPending}
          onConfirm={() =>
            deleteMutation.mutate(product.id, {
              onSuccess: () => void navigate('/products', { replace: true }),
              onSettled: () => setConfirming(null),
            })
          }
          onCancel={() => setConfirming(null)}
        />
      )}
      {confirming === null && (
        <div className="row-actions">
          {product.active ? (
            <button type="button" className="danger" onClick={() => setConfirming('deactivate')}>
              {t('products.deactivate.button')}
            </button>
          ) : (
            <button
              type="button"
              aria-disabled={updateMutation.isPending || undefined}
              onClick={() => {
                if (!updateMutation.isPending) setActive(true);
              }}
            >
              {t('products.activate')}
            </button>
          )}
          <button type="button" className="danger" onClick={() => setConfirming('delete')}>
            {t('products.delete.button')}
          </button>
        </div>
      )}
      {failure && (
        <div role="alert" className="form-alert">
          <p>{failure}</p>
          {isProblem(deleteMutation.error, 'product-in-use') && product.active && (
            <button type="button" onClick={() => setConfirming('deactivate')}>
              {t('products.deactivate.instead')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** One product: its details, stock and stock history; managers and administrators change it and its stock. */
export function ProductScreen({ productId, role, meId }: { productId: number; role: Role; meId: number }) {
  const t = useT();
  const productQuery = useProduct(productId);
  const canWrite = role !== 'REP';

  if (productQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (productQuery.isError) {
    return <PageLoadError title={t('products.title')} error={productQuery.error} backTo="/products" backLabel={t('products.backToList')} />;
  }

  const product = productQuery.data;
  return (
    <div className="stack">
      <div className="page-title">
        <div>
          <Link to="/products">{t('products.backToList')}</Link>
          <h1>{product.name}</h1>
          <p className="muted">
            <span className="sku">{product.sku}</span>
            {!product.active && <span className="tag-chip inactive-chip">{t('products.inactive')}</span>}
          </p>
        </div>
        {canWrite && <ProductActions product={product} />}
      </div>
      <StockCard product={product} canWrite={canWrite} />
      <DetailsCard product={product} canWrite={canWrite} refetch={async () => (await productQuery.refetch()).data} />
      <StockHistory productId={product.id} meId={meId} />
    </div>
  );
}
