import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { productQueryKey } from './get-product';
import { productsQueryKey, type ProductInput } from './list-products';

export function createProduct(body: ProductInput) {
  return unwrap(apiClient.POST('/api/v1/products', { body }));
}

export function createProductMutationOptions() {
  return mutationOptions({
    mutationKey: ['products', 'create'],
    mutationFn: createProduct,
    onSuccess: (product, _input, _onMutateResult, { client }) => {
      client.setQueryData(productQueryKey(product.id), product);
      return client.invalidateQueries({ queryKey: [...productsQueryKey, 'list'] });
    },
  });
}

export function useCreateProduct() {
  return useMutation(createProductMutationOptions());
}
