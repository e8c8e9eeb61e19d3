/**
 * The room benchmark's data: the demo studio plus "Benchmark showroom", a designer's project
 * whose one option holds 300 placed items from 25 distinct products (every category, and the
 * products that have glTF models), written straight into the store before the server starts.
 */
import { randomUUID } from 'node:crypto';
import { CATEGORIES, WALL_HUNG_CATEGORIES, type Category } from '../core/catalog.ts';
import type { PlacedItem, RoomShape } from '../core/room.ts';
import { openStore } from '../server/db/database.ts';
import { seedDemo } from '../server/demo/seed.ts';

export const ITEMS = 300;
export const PRODUCTS = 25;

const MAX_ROOM_MM = 24_000;
const MARGIN_MM = 500;
const GAP_MM = 220;

export interface RoomBenchData {
  readonly projectId: string;
  readonly optionId: string;
  readonly items: number;
  readonly products: number;
  readonly productsWithModels: number;
  readonly roomMm: { readonly width: number; readonly depth: number };
  /** A standing piece in the open, for the drag. */
  readonly dragItemId: string;
}

interface ProductRow {
  id: string;
  category: string;
  width_mm: number;
  depth_mm: number;
  height_mm: number;
  model_url: string | null;
}

/** One product per category (a modelled one where there is one), then more modelled products up to 25. */
function chooseProducts(rows: readonly ProductRow[]): ProductRow[] {
  const chosen: ProductRow[] = [];
  for (const category of CATEGORIES) {
    const inCategory = rows.filter((row) => row.category === category);
    const pick = inCategory.find((row) => row.model_url) ?? inCategory[0];
    if (pick) chosen.push(pick);
  }
  // A second modelled product per category, round the categories, so repeats are instanced models.
  const modelled = CATEGORIES.map((category) => rows.filter((row) => row.category === category && row.model_url && !chosen.includes(row)));
  for (let round = 0; chosen.length < PRODUCTS && modelled.some((list) => list.length > round); round++) {
    for (const list of modelled) {
      const row = list[round];
      if (row && chosen.length < PRODUCTS) chosen.push(row);
    }
  }
  for (const row of rows) {
    if (chosen.length >= PRODUCTS) break;
    if (!chosen.includes(row)) chosen.push(row);
  }
  return chosen;
}

/**
 * Lays the items out like a showroom: standing pieces in rows across the room, each product's
 * copies side by side; wall-hung pieces around the walls at eye height.
 */
function layout(products: readonly ProductRow[]): { items: PlacedItem[]; width: number; depth: number; dragItemId: string } {
  const perProduct = Math.floor(ITEMS / products.length);
  const extra = ITEMS - perProduct * products.length;
  const standing: { product: ProductRow; count: number }[] = [];
  const hung: { product: ProductRow; count: number }[] = [];
  const rugs: { product: ProductRow; count: number }[] = [];
  products.forEach((product, index) => {
    const count = perProduct + (index < extra ? 1 : 0);
    (WALL_HUNG_CATEGORIES.includes(product.category as Category) ? hung : product.category === 'rug' ? rugs : standing).push({ product, count });
  });
  // Rows of similar depth pack tightly; the room is as wide as makes it about 4:3.
  standing.sort((a, b) => b.product.depth_mm - a.product.depth_mm);
  const pack = (width: number) => {
    const placed: PlacedItem[] = [];
    let x = MARGIN_MM;
    let y = MARGIN_MM;
    let rowDepth = 0;
    for (const { product, count } of standing) {
      for (let i = 0; i < count; i++) {
        if (x + product.width_mm > width - MARGIN_MM) {
          x = MARGIN_MM;
          y += rowDepth + GAP_MM * 2;
          rowDepth = 0;
        }
        placed.push({ id: randomUUID(), productId: product.id, xMm: Math.round(x + product.width_mm / 2), yMm: Math.round(y + product.depth_mm / 2), rotationDeg: 0, elevationMm: 0, quantity: 1 });
        x += product.width_mm + GAP_MM;
        rowDepth = Math.max(rowDepth, product.depth_mm);
      }
    }
    return { placed, depth: Math.round(y + rowDepth + MARGIN_MM + 600) };
  };
  let best = { width: 0, ...pack(MAX_ROOM_MM) };
  for (let width = 10_000; width <= MAX_ROOM_MM; width += 500) {
    const candidate = { width, ...pack(width) };
    if (candidate.depth <= MAX_ROOM_MM && Math.abs(candidate.depth / width - 0.75) < Math.abs(best.depth / (best.width || 1) - 0.75)) best = candidate;
  }
  const { width, depth } = best;
  const items = best.placed;
  // Rugs lie under the pieces, spread evenly over the floor, as in a furnished room.
  const rugList = rugs.flatMap(({ product, count }) => Array.from({ length: count }, () => product));
  const columns = Math.max(1, Math.round(Math.sqrt((rugList.length * width) / depth)));
  const rows = Math.ceil(rugList.length / columns);
  rugList.forEach((product, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    items.push({ id: randomUUID(), productId: product.id, xMm: Math.round(((column + 0.5) * width) / columns), yMm: Math.round(((row + 0.5) * (depth - 600)) / rows), rotationDeg: 0, elevationMm: 0, quantity: 1 });
  });
  const categoryOf = new Map(products.map((product) => [product.id, product.category]));
  // The armchair nearest the room's centre is the one the benchmark drags.
  const dragItemId = items.filter((item) => categoryOf.get(item.productId!) === 'armchair').sort((a, b) => Math.hypot(a.xMm - width / 2, a.yMm - depth / 2) - Math.hypot(b.xMm - width / 2, b.yMm - depth / 2))[0]?.id ?? items[0]!.id;
  // Wall pieces go round the walls (back, right, front, left), facing into the room.
  const walls = [
    { from: [0, 0], along: [1, 0], length: width, rotation: 0 },
    { from: [width, 0], along: [0, 1], length: depth, rotation: 90 },
    { from: [width, depth], along: [-1, 0], length: width, rotation: 180 },
    { from: [0, depth], along: [0, -1], length: depth, rotation: 270 },
  ] as const;
  const pieces = hung.flatMap(({ product, count }) => Array.from({ length: count }, () => product));
  const perWall = Math.ceil(pieces.length / walls.length);
  walls.forEach((wall, w) => {
    const mine = pieces.slice(w * perWall, (w + 1) * perWall);
    // The side walls hold the window and the door near their start: hang pieces past them.
    const start = w % 2 === 1 ? 3600 : 0;
    const step = (wall.length - start) / (mine.length + 1);
    mine.forEach((product, i) => {
      const along = start + step * (i + 1);
      const inward = product.depth_mm / 2;
      // The inward normal of a counter-clockwise outline is the wall direction turned left.
      const normal = [-wall.along[1], wall.along[0]];
      items.push({
        id: randomUUID(),
        productId: product.id,
        xMm: Math.round(wall.from[0] + wall.along[0] * along + normal[0]! * inward),
        yMm: Math.round(wall.from[1] + wall.along[1] * along + normal[1]! * inward),
        rotationDeg: wall.rotation,
        elevationMm: product.category === 'shelf' ? 1500 : Math.max(900, 1550 - Math.round(product.height_mm / 2)),
        quantity: 1,
      });
    });
  });
  return { items, width, depth, dragItemId };
}

/** Seeds the demo studio and the benchmark project into the SQLite store in `dataDir`. */
export async function seedRoomBench(dataDir: string): Promise<RoomBenchData> {
  const store = await openStore({ dataDir });
  try {
    const db = store.db;
    await seedDemo(db);
    const rows = (await db.selectFrom('products').select(['id', 'category', 'width_mm', 'depth_mm', 'height_mm', 'model_url']).where('currency', '=', 'USD').orderBy('sku').execute()) as ProductRow[];
    const products = chooseProducts(rows);
    if (products.length < PRODUCTS) throw new Error(`the seed catalog has only ${products.length} USD products`);
    const { items, width, depth, dragItemId } = layout(products);
    const designer = await db.selectFrom('users').select('id').where('email', '=', 'designer@atelier.test').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const projectId = randomUUID();
    const roomId = randomUUID();
    const optionId = randomUUID();
    // The back wall (plan y = 0) must not be the wall the camera looks through, so the windows go there.
    const shape: RoomShape = {
      outline: [
        { x: 0, y: 0 },
        { x: width, y: 0 },
        { x: width, y: depth },
        { x: 0, y: depth },
      ],
      ceilingHeightMm: 3000,
      wallThicknessMm: 150,
      openings: [
        { id: 'window-1', kind: 'window', wallIndex: 1, offsetMm: 1500, widthMm: 1800, heightMm: 1600, sillHeightMm: 800 },
        { id: 'door-1', kind: 'door', wallIndex: 3, offsetMm: 800, widthMm: 1000, heightMm: 2100, sillHeightMm: 0, swing: 'left' },
      ],
      floor: { colour: '#c8a27a', material: 'oak' },
      walls: { colour: '#f1ece4', material: 'paint' },
    };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('projects').values({ id: projectId, name: 'Benchmark showroom', stage: 'designing', customer_id: null, budget_minor: null, budget_currency: null, created_at: now, updated_at: now }).execute();
      await trx.insertInto('project_members').values({ project_id: projectId, user_id: designer.id, role: 'designer', added_at: now }).execute();
      await trx.insertInto('rooms').values({ id: roomId, project_id: projectId, name: 'Showroom', shape: JSON.stringify(shape), created_at: now, updated_at: now }).execute();
      await trx.insertInto('design_options').values({ id: optionId, room_id: roomId, name: '300 pieces', document: JSON.stringify({ schemaVersion: 1, items }), created_at: now, updated_at: now }).execute();
    });
    return { projectId, optionId, items: items.length, products: products.length, productsWithModels: products.filter((product) => product.model_url).length, roomMm: { width, depth }, dragItemId };
  } finally {
    await store.close();
  }
}
