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

/** [Watch] One purchased product line; `final_sale` is a snapshot of the product at purchase. */
export interface PurchaseLinesTable {
  id: string;
  customer_id: string;
  project_id: string | null;
  product_id: string;
  retailer_id: string;
  quantity: number;
  unit_price_minor: number;
  currency: string;
  purchased_at: string;
  delivered_at: string | null;
  order_ref: string;
  final_sale: number;
  created_at: string;
}

/** [Watch] A line's price watch; the window as core/watch computes it (null: none yet or not covered). */
export interface WatchesTable {
  line_id: string;
  product_id: string;
  status: string;
  closed_reason: string | null;
  closed_at: string | null;
  window_start: string | null;
  window_end: string | null;
}

/** [Watch] A refund claim; `version` guards every change (optimistic concurrency). */
export interface ClaimsTable {
  id: string;
  line_id: string;
  product_id: string;
  sequence: number;
  status: string;
  reference_unit_minor: number;
  amount_minor: number;
  currency: string;
  evidence_observation_id: number;
  evidence_unit_minor: number;
  evidence_observed_at: string;
  first_drop_at: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** [Desk] What support recorded: how and when it was filed, the refund, a denial's reason. */
  channel: string | null;
  retailer_ref: string | null;
  filed_at: string | null;
  refunded_amount_minor: number | null;
  refunded_at: string | null;
  denial_reason: string | null;
  closed_at: string | null;
}

/** [Collab] The compacted Yjs state of an option (Y.encodeStateAsUpdate). */
export interface OptionStatesTable {
  option_id: string;
  state: Uint8Array;
  updated_at: string;
}

/** [Collab] A Yjs update received since the last compaction, appended before it is applied. */
export interface OptionUpdatesTable {
  id: Generated<number>;
  option_id: string;
  update: Uint8Array;
  created_at: string;
}

/** [Desk] One append-only, hash-chained audit entry; `before`/`after` are canonical JSON. */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  before: string;
  after: string;
  prev_hash: string;
  hash: string;
}

/** [Watch] Rows an import could not use, kept for review. */
export interface FeedRejectsTable {
  id: string;
  feed: string;
  source: string;
  line: number;
  raw: string;
  reason: string;
  fingerprint: string;
  created_at: string;
}

/** [Watch] A retailer's price feed URL, polled on a schedule. */
export interface PriceFeedsTable {
  retailer_id: string;
  url: string;
  format: string;
  interval_minutes: number;
  last_polled_at: string | null;
  last_error: string | null;
  failures: Generated<number>;
  next_poll_at: string | null;
  created_at: string;
  updated_at: string;
}

/** What a person is told, in the app and as a desktop notification. `data` is JSON. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  data: string;
  created_at: string;
  read_at: string | null;
}

/** [Watch] The claim-news outbox: a feed batch's announcements (JSON `ClaimNews[]`), until delivered (watch/news.ts). */
export interface ClaimNewsOutboxTable {
  id: Generated<number>;
  news: string;
  created_at: string;
}

/** A plain sentence in a customer's story (their project's, when the event belongs to one). */
export interface TimelineEventsTable {
  id: string;
  project_id: string | null;
  subject_user_id: string;
  actor_name: string;
  kind: string;
  text: string;
  at: string;
}

/** [Options] An immutable published version; `snapshot` is OptionSnapshot JSON, `prices` the products' prices then. */
export interface OptionVersionsTable {
  id: string;
  option_id: string;
  number: number;
  note: string;
  snapshot: string;
  /** JSON: [{ productId, retailerId, price: Money }] */
  prices: string;
  /** [Options] A photo or video (files.id, purpose video-note) with the note. */
  attachment_id: string | null;
  published_by: string | null;
  published_by_name: string;
  published_by_role: string;
  published_at: string;
}

/** [Options] The customer's approval of an option's version; one active (replaced_at null) per room. */
export interface OptionApprovalsTable {
  id: string;
  room_id: string;
  option_id: string;
  version_id: string;
  approved_by: string | null;
  approved_by_name: string;
  approved_at: string;
  replaced_at: string | null;
}

/** [Options] A comment on an option (item_id null) or one of its pieces. */
export interface OptionCommentsTable {
  id: string;
  option_id: string;
  item_id: string | null;
  author_id: string | null;
  author_name: string;
  author_role: string;
  body: string;
  created_at: string;
}

/** [Options] A shopping-list line marked purchased: the purchase line ([Watch]) it created. */
export interface ShoppingPurchasesTable {
  approval_id: string;
  line_key: string;
  purchase_line_id: string;
  order_ref: string;
  unit_price_minor: number;
  currency: string;
  purchased_at: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** [Intake] An uploaded file, sniffed, with its bytes (and a browser-made thumbnail) in the store. */
export interface FilesTable {
  id: string;
  owner_id: string | null;
  uploaded_by: string | null;
  project_id: string | null;
  room_id: string | null;
  purpose: string;
  shot_key: string | null;
  media_type: string;
  size: number;
  sha256: string;
  name: string;
  thumbnail_type: string | null;
  created_at: string;
}

/** [Intake] A file's bytes and its thumbnail's, apart from its description. */
export interface FileContentsTable {
  file_id: string;
  content: Uint8Array;
  thumbnail: Uint8Array | null;
}

/** [Intake] A feature the customer added to a room's shot list (radiator, fireplace…). */
export interface RoomFeaturesTable {
  id: string;
  room_id: string;
  label: string;
  added_by: string | null;
  created_at: string;
}

/** [Intake] One more photo a designer asked for; fulfilled by an upload for `request:<id>`. */
export interface PhotoRequestsTable {
  id: string;
  room_id: string;
  project_id: string;
  requested_by: string | null;
  text: string;
  example_file_id: string | null;
  status: string;
  fulfilled_file_id: string | null;
  fulfilled_by: string | null;
  created_at: string;
  fulfilled_at: string | null;
}

/** [Intake] The photo a designer pinned beside a room's 3D view. */
export interface RoomPinsTable {
  room_id: string;
  file_id: string;
  pinned_by: string | null;
  pinned_at: string;
}

/** [Intake] A person's notification channels per topic and quiet hours (core/notify/preferences JSON). */
export interface NotificationSettingsTable {
  user_id: string;
  settings: string;
  updated_at: string;
}

/** [Intake] What a customer told us once: their currency, address and style answers (JSON of core/intake StyleAnswers). */
export interface CustomerProfilesTable {
  customer_id: string;
  currency: string;
  address: string | null;
  style_answers: string | null;
  style_updated_at: string | null;
  created_at: string;
  updated_at: string;
}

/** [Intake] A piece of the customer's own furniture they keep, reusable across projects. */
export interface KeptPiecesTable {
  id: string;
  customer_id: string;
  name: string;
  category: string;
  width_mm: number;
  depth_mm: number;
  height_mm: number;
  /** a photo of it (files.id, purpose 'piece-photo'), if the customer added one */
  photo_file_id: string | null;
  created_at: string;
}

/** [Intake] What a project was started with. `target_date` is a calendar day, YYYY-MM-DD. */
export interface ProjectIntakeTable {
  project_id: string;
  target_date: string | null;
  address: string | null;
  created_at: string;
}

/** [Intake] A room's kind (living, bedroom…) and what the customer wants it for. */
export interface IntakeRoomsTable {
  room_id: string;
  project_id: string;
  kind: string;
  purpose: string;
}

/** [Intake] Which kept pieces stand in which room. */
export interface RoomKeptPiecesTable {
  room_id: string;
  piece_id: string;
}

/** [Intake] Every change of a project's stage: who, when, their note, the timeline event it posted. */
export interface ProjectStagesTable {
  id: Generated<number>;
  project_id: string;
  stage: string;
  entered_at: string;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
  attachment_id: string | null;
  event_id: string | null;
}

/** [Collab] A message in a project's conversation; `id` is time-ordered. */
export interface ChatMessagesTable {
  id: string;
  project_id: string;
  author_id: string | null;
  author_name: string;
  author_role: string;
  body: string;
  client_key: string | null;
  created_at: string;
}

/** [Collab] How far a person has read a project's conversation. */
export interface ChatReadsTable {
  project_id: string;
  user_id: string;
  last_read_id: string;
  read_at: string;
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
  purchase_lines: PurchaseLinesTable;
  watches: WatchesTable;
  claims: ClaimsTable;
  feed_rejects: FeedRejectsTable;
  price_feeds: PriceFeedsTable;
  notifications: NotificationsTable;
  timeline_events: TimelineEventsTable;
  claim_news_outbox: ClaimNewsOutboxTable;
  chat_messages: ChatMessagesTable;
  chat_reads: ChatReadsTable;
  audit_log: AuditLogTable;
  option_states: OptionStatesTable;
  option_updates: OptionUpdatesTable;
  files: FilesTable;
  file_contents: FileContentsTable;
  room_features: RoomFeaturesTable;
  photo_requests: PhotoRequestsTable;
  room_pins: RoomPinsTable;
  notification_settings: NotificationSettingsTable;
  option_versions: OptionVersionsTable;
  option_approvals: OptionApprovalsTable;
  option_comments: OptionCommentsTable;
  shopping_purchases: ShoppingPurchasesTable;
  customer_profiles: CustomerProfilesTable;
  kept_pieces: KeptPiecesTable;
  project_intake: ProjectIntakeTable;
  intake_rooms: IntakeRoomsTable;
  room_kept_pieces: RoomKeptPiecesTable;
  project_stages: ProjectStagesTable;
}
