import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { productQueryKey } from './get-product';
import { productsQueryKey, type Product, type ProductInput } from './list-products';

/** A JSON merge patch of the product: members present change, `null` clears an optional one. */
export type ProductPatch = Partial<ProductInput>;

export interface UpdateProductInput {
  product: Pick<Product, 'id' | 'version'>;
  patch: ProductPatch;
}

export function updateProduct({ product, patch }: UpdateProductInput) {
  return unwrap(
    apiClient.PATCH('/api/v1/products/{id}', {
      params: { path: { id: product.id }, header: { 'If-Match': `"${product.version}"` } },
      // A merge patch carries only some members, which the generated type (the whole input) does not spell.
      body: patch as ProductInput,
    }),
  );
}

export function updateProductMutationOptions() {
  return mutationOptions({
    mutationKey: ['products', 'update'],
    mutationFn: updateProduct,
    onSuccess: (updated, _input, _onMutateResult, { client }) => {
      client.setQueryData(productQueryKey(updated.id), updated);
      void client.invalidateQueries({ queryKey: [...productsQueryKey, 'list'] });
    },
    onError: (error, { product }, _onMutateResult, { client }) => {
      // Changed (412) or removed (404) by someone else: fetch what the server has now.
      if (error instanceof ApiError && (error.status === 404 || error.status === 412)) {
        void client.invalidateQueries({ queryKey: productQueryKey(product.id) });
      }
    },
  });
}

export function useUpdateProduct() {
  return useMutation(updateProductMutationOptions());
}
