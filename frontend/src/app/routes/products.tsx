import { useParams } from 'react-router';
import { CreateProductScreen } from '@/features/products/components/create-product-screen';
import { ProductScreen } from '@/features/products/components/product-screen';
import { ProductsScreen } from '@/features/products/components/products-screen';
import { idOf, UnknownAddress } from '../components/address-id';
import { WithMe } from '../components/with-me';
import { Forbidden } from './settings';

/** The catalogue is everyone's to read. */
export function ProductsRoute() {
  return <WithMe>{(me) => <ProductsScreen role={me.user.role} />}</WithMe>;
}

/** Managers and administrators add products; the API refuses reps. */
export function NewProductRoute() {
  return <WithMe>{(me) => (me.user.role === 'REP' ? <Forbidden /> : <CreateProductScreen />)}</WithMe>;
}

export function ProductRoute() {
  const productId = idOf(useParams().id);
  if (productId === null) return <UnknownAddress />;
  return <WithMe>{(me) => <ProductScreen key={productId} productId={productId} role={me.user.role} meId={me.user.id} />}</WithMe>;
}
