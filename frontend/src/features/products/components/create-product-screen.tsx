import { Link, useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import { useCreateProduct } from '../api/create-product';
import { ProductForm, productInput } from './product-form';

/** A new product for the catalogue (managers and administrators); its stock starts at 0. */
export function CreateProductScreen() {
  const t = useT();
  const navigate = useNavigate();
  const createMutation = useCreateProduct();

  return (
    <div className="stack">
      <div className="page-title">
        <h1>{t('products.create.title')}</h1>
        <Link to="/products">{t('products.backToList')}</Link>
      </div>
      <section className="card" aria-label={t('products.create.title')}>
        <p className="muted">{t('products.create.intro')}</p>
        <ProductForm
          error={createMutation.error}
          pending={createMutation.isPending}
          submitLabel={t('products.create.submit')}
          pendingLabel={t('products.create.pending')}
          onSubmit={(values) =>
            createMutation.mutate(productInput(values), {
              onSuccess: (product) => void navigate(`/products/${product.id}`),
            })
          }
        />
      </section>
    </div>
  );
}
