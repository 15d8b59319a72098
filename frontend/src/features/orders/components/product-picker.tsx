import { useEffect, useId, useState } from 'react';
import { StockBadge } from '@/components/stock-badge';
import { useT } from '@/lib/i18n';
import { useMoney } from '@/lib/money';
import { useProductSearch, type Product } from '../api/search-products';

/** How long typing must pause before the catalogue is asked: one request per word, not per key. */
const SEARCH_DELAY_MS = 250;

/**
 * Finds an active product by part of its SKU or name and offers each match with its list price and the stock
 * free right now; picking one hands it to the line.
 */
export function ProductPicker({ label, onPick }: { label: string; onPick: (product: Product) => void }) {
  const t = useT();
  const money = useMoney();
  const inputId = useId();
  const resultsId = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const searchQuery = useProductSearch(query);
  const products = query ? (searchQuery.data ?? []) : [];

  let status = '';
  if (query && searchQuery.isFetching) status = t('orders.picker.searching');
  else if (query && searchQuery.isError) status = t('orders.picker.failed');
  else if (query && searchQuery.isSuccess && products.length === 0) status = t('orders.picker.none', { q: query });

  return (
    <div className="field product-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        placeholder={t('orders.picker.placeholder')}
        aria-describedby={resultsId}
        onChange={(event) => setText(event.target.value)}
        // Enter picks nothing by itself and must not submit the whole order.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <p id={resultsId} role="status" className="field-hint">
        {status}
      </p>
      {products.length > 0 && (
        <ul className="picker-results" aria-label={t('orders.picker.results', { q: query })}>
          {products.map((product) => (
            <li key={product.id}>
              <button type="button" className="picker-option" onClick={() => onPick(product)}>
                <span className="picker-name">
                  <span className="sku">{product.sku}</span> {product.name}
                </span>
                <span className="picker-details">
                  {product.listPrice != null && (
                    <span>{t('price.perUnit', { price: money(product.listPrice, product.currency), unit: product.unit })}</span>
                  )}
                  <StockBadge stock={product.stock} moq={product.moq} compact />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
