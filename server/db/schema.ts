import type { Generated } from 'kysely';

/**
 * The SQL schema as Kysely sees it. Both engines store the same shapes: ids and timestamps as
 * text (ISO-8601 UTC, which sorts by time), money as integer minor units beside a currency
 * code, lengths as integer millimetres, booleans as 0/1, structured values as JSON text.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  preferences: string;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ProjectsTable {
  id: string;
  name: string;
  stage: string;
  customer_id: string | null;
  budget_minor: number | null;
  budget_currency: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectMembersTable {
  project_id: string;
  user_id: string;
  role: string;
  added_at: string;
}

export interface RoomsTable {
  id: string;
  project_id: string;
  name: string;
  /** JSON of core/room.ts RoomShape */
  shape: string;
  created_at: string;
  updated_at: string;
}

export interface DesignOptionsTable {
  id: string;
  room_id: string;
  name: string;
  /** JSON: { schemaVersion, items: PlacedItem[] } */
  document: string;
  created_at: string;
  updated_at: string;
}

export interface RetailersTable {
  id: string;
  name: string;
  currency: string;
  window_days: number;
  window_from: string;
  adjustments: string;
  exclude_final_sale: number;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  retailer_id: string;
  sku: string;
  name: string;
  category: string;
  width_mm: number;
  depth_mm: number;
  height_mm: number;
  price_minor: number;
  currency: string;
  colours: string;
  style_tags: string;
  materials: string;
  model_url: string | null;
  product_url: string | null;
  image_url: string | null;
  final_sale: number;
  created_at: string;
  updated_at: string;
}

export interface PriceObservationsTable {
  id: Generated<number>;
  product_id: string;
  price_minor: number;
  currency: string;
  observed_at: string;
  source: string;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  projects: ProjectsTable;
  project_members: ProjectMembersTable;
  rooms: RoomsTable;
  design_options: DesignOptionsTable;
  retailers: RetailersTable;
  products: ProductsTable;
  price_observations: PriceObservationsTable;
}
