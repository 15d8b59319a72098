import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { productQueryKey } from './get-product';
import { productsQueryKey } from './list-products';

export function deleteProduct(id: number) {
  return unwrap(apiClient.DELETE('/api/v1/products/{id}', { params: { path: { id } } }));
}

export function deleteProductMutationOptions() {
  return mutationOptions({
    mutationKey: ['products', 'delete'],
    mutationFn: deleteProduct,
    onSuccess: (_data, id, _onMutateResult, { client }) => {
      client.removeQueries({ queryKey: productQueryKey(id) });
      void client.invalidateQueries({ queryKey: [...productsQueryKey, 'list'] });
    },
  });
}

export function useDeleteProduct() {
  return useMutation(deleteProductMutationOptions());
}
