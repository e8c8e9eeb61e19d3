import * as api from '../../core/api/foundation.ts';
import { implement } from '../http/context.ts';
import { productQuery, toProduct } from '../catalog/products.ts';

export const catalogRoutes = [
  implement(api.listProducts, async ({ query, services }) => {
    let select = productQuery(services.db);
    if (query.category) select = select.where('products.category', '=', query.category);
    if (query.retailerId) select = select.where('products.retailer_id', '=', query.retailerId);
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      select = select.where((eb) => eb(eb.fn('lower', ['products.name']), 'like', pattern));
    }
    const total = await select.clearSelect().select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
    const rows = await select.orderBy('products.name').orderBy('products.id').limit(query.limit).offset(query.offset).execute();
    return { products: rows.map(toProduct), total: Number(total?.count ?? 0) };
  }),

  implement(api.listRetailers, async ({ services }) => {
    const rows = await services.db
      .selectFrom('retailers')
      .leftJoin('products', 'products.retailer_id', 'retailers.id')
      .select(['retailers.id', 'retailers.name', 'retailers.currency', (eb) => eb.fn.count<number>('products.id').as('count')])
      .groupBy(['retailers.id', 'retailers.name', 'retailers.currency'])
      .orderBy('retailers.name')
      .execute();
    return { retailers: rows.map((r) => ({ id: r.id, name: r.name, currency: r.currency, productCount: Number(r.count) })) };
  }),
];
