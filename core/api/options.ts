/**
 * [Options] contracts: design options per room (create, duplicate, rename, delete), published
 * versions and what changed between them, the side-by-side comparison of a room's options,
 * comments, the customer's approval, and the shopping list built from the approved version.
 *
 * Money is integer minor units; a sum that would mix currencies is never formed: the answer
 * carries a `PricingSchema` that is either the priced option or the error to show.
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { largestUpload, UPLOAD_POLICIES } from '../files/sniff.ts';
import { Bytes, FileName, StoredFileSchema } from './files.ts';
import { FinishSchema, Id, IsoDateTime, MoneySchema, PlacedItemSchema, ProductSchema, RoleSchema } from './schemas.ts';

const OptionName = z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters');

export const PersonSchema = z.object({ id: Id, name: z.string(), role: RoleSchema });

export const OptionRecordSchema = z.object({ id: Id, roomId: Id, projectId: Id, name: z.string(), createdAt: IsoDateTime, updatedAt: IsoDateTime });

/** A whole option's price, or why it cannot be summed (a line in another currency, an unknown product). */
export const PricingSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    currency: z.string(),
    total: MoneySchema,
    byRetailer: z.array(z.object({ retailerId: Id, retailerName: z.string(), subtotal: MoneySchema })),
  }),
  z.object({ ok: z.literal(false), code: z.enum(['currency_mismatch', 'unknown_product']), message: z.string() }),
]);

export const VersionSummarySchema = z.object({
  id: Id,
  optionId: Id,
  number: z.number().int().min(1),
  /** "v1", "v2", … */
  label: z.string(),
  note: z.string(),
  publishedBy: PersonSchema,
  publishedAt: IsoDateTime,
  itemCount: z.number().int().min(0),
  pricing: PricingSchema,
  /** A photo or short video the designer attached to the note. */
  attachment: StoredFileSchema.nullable(),
});

export const OptionDocumentSchema = z.object({
  items: z.array(PlacedItemSchema),
  finishes: z.object({ floor: FinishSchema.nullable(), walls: FinishSchema.nullable() }),
});

export const ApprovalSchema = z.object({
  id: Id,
  roomId: Id,
  optionId: Id,
  optionName: z.string(),
  version: VersionSummarySchema,
  approvedBy: PersonSchema,
  approvedAt: IsoDateTime,
  /** Pieces were marked purchased from its shopping list: the approval can no longer be replaced. */
  purchasesRecorded: z.boolean(),
});

export const CommentSchema = z.object({
  id: Id,
  optionId: Id,
  /** The piece the comment is about; null for the option as a whole. */
  itemId: Id.nullable(),
  author: PersonSchema,
  body: z.string(),
  createdAt: IsoDateTime,
});

const PieceChange = z.object({ item: PlacedItemSchema, priceChange: MoneySchema });
const PieceUpdate = z.object({ itemId: Id, before: PlacedItemSchema, after: PlacedItemSchema });

/** "v1 → v2" or "v2 → live". */
export const ChangesSchema = z.object({
  from: z.string(),
  to: z.string(),
  result: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      added: z.array(PieceChange),
      removed: z.array(PieceChange),
      swapped: z.array(PieceUpdate.extend({ priceChange: MoneySchema })),
      moved: z.array(PieceUpdate.extend({ distanceMm: z.number(), rotationDeg: z.number() })),
      recoloured: z.array(PieceUpdate),
      quantityChanged: z.array(PieceUpdate.extend({ priceChange: MoneySchema })),
      finishesChanged: z.array(z.enum(['floor', 'walls'])),
      /** Each side at its own prices (a version at the prices it was published with). */
      totalBefore: MoneySchema,
      totalAfter: MoneySchema,
      /** totalAfter − totalBefore = designChange + priceMovement. */
      priceChange: MoneySchema,
      /** What the design changes did, priced at the later side's prices (the sum of the entries). */
      designChange: MoneySchema,
      /** What catalog price changes did to the earlier side's pieces in between. */
      priceMovement: MoneySchema,
    }),
    z.object({ ok: z.literal(false), code: z.enum(['currency_mismatch', 'unknown_product']), message: z.string() }),
  ]),
  /** Products named by either side (the later side's price). */
  products: z.array(ProductSchema),
});

const optionScope = { param: 'optionId', resource: 'option' } as const;
const roomScope = { param: 'roomId', resource: 'room' } as const;
const OptionParams = z.object({ optionId: Id });

export const createOption = endpoint({
  id: 'createOption',
  method: 'POST',
  path: '/api/rooms/:roomId/options',
  summary: 'A new design option in the room: empty, or a copy of another option of the room as it stands now',
  tag: 'options',
  access: { kind: 'session', action: 'option:edit', scope: roomScope },
  params: z.object({ roomId: Id }),
  body: z.object({ name: OptionName, duplicateOf: Id.optional() }),
  response: z.object({ option: OptionRecordSchema, itemCount: z.number().int() }),
  successStatus: 201,
  bodyLimit: 4096,
});

export const renameOption = endpoint({
  id: 'renameOption',
  method: 'PATCH',
  path: '/api/options/:optionId',
  summary: 'Rename a design option',
  tag: 'options',
  access: { kind: 'session', action: 'option:edit', scope: optionScope },
  params: OptionParams,
  body: z.object({ name: OptionName }),
  response: z.object({ option: OptionRecordSchema }),
  bodyLimit: 4096,
});

export const deleteOption = endpoint({
  id: 'deleteOption',
  method: 'DELETE',
  path: '/api/options/:optionId',
  summary: 'Delete a design option (never the approved one)',
  tag: 'options',
  access: { kind: 'session', action: 'option:edit', scope: optionScope },
  params: OptionParams,
  response: z.object({ ok: z.literal(true) }),
  bodyLimit: 1024,
});

export const listVersions = endpoint({
  id: 'listVersions',
  method: 'GET',
  path: '/api/options/:optionId/versions',
  summary: "An option's published versions, newest first, and the room's approval",
  tag: 'options',
  access: { kind: 'session', action: 'project:read', scope: optionScope },
  params: OptionParams,
  response: z.object({ option: OptionRecordSchema, versions: z.array(VersionSummarySchema), approval: ApprovalSchema.nullable() }),
});

export const publishVersion = endpoint({
  id: 'publishVersion',
  method: 'POST',
  path: '/api/options/:optionId/versions',
  summary: 'Publish the option as it stands as the next version, with a note for the customer',
  tag: 'options',
  access: { kind: 'session', action: 'option:edit', scope: optionScope },
  params: OptionParams,
  body: z.object({
    /** The number of the latest version the publisher saw (0 for none); anything else is a 409 with the current one. */
    expectedLatest: z.number().int().min(0),
    note: z.string().trim().min(1, 'is required: tell the customer what changed').max(4000, 'must be at most 4000 characters'),
    /** A file uploaded with uploadVersionAttachment for this option's project. */
    attachmentId: Id.optional(),
  }),
  response: z.object({ version: VersionSummarySchema }),
  successStatus: 201,
  bodyLimit: 16 * 1024,
});

export const uploadVersionAttachment = endpoint({
  id: 'uploadVersionAttachment',
  method: 'POST',
  path: '/api/options/:optionId/attachments',
  summary: 'Upload a photo or short video (raw JPEG, PNG, WebP, MP4 or WebM bytes) to attach to the next version’s note',
  tag: 'options',
  access: { kind: 'session', action: 'option:edit', scope: optionScope },
  params: OptionParams,
  query: z.object({ name: FileName.default('note') }),
  body: Bytes,
  bodyFormat: 'binary',
  bodyLimit: largestUpload(UPLOAD_POLICIES['video-note']),
  response: z.object({ file: StoredFileSchema }),
  successStatus: 201,
});

export const getVersion = endpoint({
  id: 'getVersion',
  method: 'GET',
  path: '/api/options/:optionId/versions/:number',
  summary: 'One published version, read-only: its document and the products at the prices it was published with',
  tag: 'options',
  access: { kind: 'session', action: 'project:read', scope: optionScope },
  params: z.object({ optionId: Id, number: z.coerce.number().int().min(1) }),
  response: z.object({ option: OptionRecordSchema, version: VersionSummarySchema, document: OptionDocumentSchema, products: z.array(ProductSchema) }),
});

/** `live` is the option as it stands now; otherwise a version number. */
const VersionRef = z.union([z.literal('live'), z.coerce.number().int().min(1)]);

export const optionChanges = endpoint({
  id: 'optionChanges',
  method: 'GET',
  path: '/api/options/:optionId/changes',
  summary: 'What changed between two versions (or a version and the option as it stands): added, removed, swapped, moved pieces and the price change',
  tag: 'options',
  access: { kind: 'session', action: 'project:read', scope: optionScope },
  params: OptionParams,
  query: z.object({ from: VersionRef, to: VersionRef.default('live') }),
  response: ChangesSchema,
});

export const ComparedOptionSchema = z.object({
  option: OptionRecordSchema,
  latestVersion: VersionSummarySchema.nullable(),
  approved: z.boolean(),
  items: z.array(PlacedItemSchema),
  products: z.array(ProductSchema),
  pricing: PricingSchema,
  /** Against the project's budget; null without a budget or when the option cannot be priced. */
  budget: z.object({ standing: z.enum(['under', 'on', 'over']), by: MoneySchema, remaining: MoneySchema }).nullable(),
});

export const compareOptions = endpoint({
  id: 'compareOptions',
  method: 'GET',
  path: '/api/rooms/:roomId/compare',
  summary: "The room's options side by side as they stand: items, total, over/under the budget",
  tag: 'options',
  access: { kind: 'session', action: 'project:read', scope: roomScope },
  params: z.object({ roomId: Id }),
  response: z.object({
    room: z.object({ id: Id, name: z.string(), projectId: Id }),
    budget: MoneySchema.nullable(),
    options: z.array(ComparedOptionSchema),
    approval: ApprovalSchema.nullable(),
  }),
});

export const listComments = endpoint({
  id: 'listComments',
  method: 'GET',
  path: '/api/options/:optionId/comments',
  summary: "Comments on the option and its pieces, oldest first",
  tag: 'options',
  access: { kind: 'session', action: 'project:read', scope: optionScope },
  params: OptionParams,
  response: z.object({ comments: z.array(CommentSchema) }),
});

export const addComment = endpoint({
  id: 'addComment',
  method: 'POST',
  path: '/api/options/:optionId/comments',
  summary: 'Comment on the option or on one of its pieces; the other party is notified',
  tag: 'options',
  access: { kind: 'session', action: 'option:comment', scope: optionScope },
  params: OptionParams,
  body: z.object({
    itemId: Id.nullable().default(null),
    body: z.string().trim().min(1, 'is required').max(4000, 'must be at most 4000 characters'),
  }),
  response: z.object({ comment: CommentSchema }),
  successStatus: 201,
  bodyLimit: 16 * 1024,
});

export const approveOption = endpoint({
  id: 'approveOption',
  method: 'POST',
  path: '/api/options/:optionId/approval',
  summary:
    "The customer approves the option as it stands: its latest version is pinned (a customer's own changes since are published first as the next version). Another option of the room already approved is replaced only with replace: true.",
  tag: 'options',
  access: { kind: 'session', action: 'option:approve', scope: optionScope },
  params: OptionParams,
  body: z.object({
    /** The latest version number the customer was looking at; a newer one is a 409 with it. */
    expectedLatest: z.number().int().min(1, 'must name the version you are approving (nothing is published yet)'),
    replace: z.boolean().default(false),
  }),
  response: z.object({ approval: ApprovalSchema, replaced: ApprovalSchema.nullable() }),
  successStatus: 201,
  bodyLimit: 4096,
});

export const ShoppingPurchaseSchema = z.object({
  purchaseLineId: Id,
  orderRef: z.string(),
  unitPricePaid: MoneySchema,
  purchasedAt: IsoDateTime,
  recordedAt: IsoDateTime,
});

export const ShoppingLineSchema = z.object({
  /** Stable within the approval: the product and its colour. */
  key: z.string(),
  productId: Id,
  name: z.string(),
  sku: z.string(),
  colour: z.string().nullable(),
  quantity: z.number().int().min(1),
  unitPrice: MoneySchema,
  lineTotal: MoneySchema,
  productUrl: z.string().nullable(),
  purchase: ShoppingPurchaseSchema.nullable(),
});

export const ShoppingListSchema = z.object({
  approval: ApprovalSchema,
  currency: z.string(),
  retailers: z.array(z.object({ retailerId: Id, retailerName: z.string(), lines: z.array(ShoppingLineSchema), subtotal: MoneySchema })),
  /** The customer's own pieces: nothing to buy. */
  ownPieces: z.array(z.object({ itemId: Id, name: z.string(), quantity: z.number().int() })),
  total: MoneySchema,
  purchasedCount: z.number().int().min(0),
  lineCount: z.number().int().min(0),
});

export const shoppingList = endpoint({
  id: 'shoppingList',
  method: 'GET',
  path: '/api/options/:optionId/shopping-list',
  summary: 'The approved version grouped by retailer: lines, subtotals, the grand total, and what has been bought',
  tag: 'options',
  access: { kind: 'session', action: 'project:read', scope: optionScope },
  params: OptionParams,
  response: ShoppingListSchema,
});

export const shoppingListCsv = endpoint({
  id: 'shoppingListCsv',
  method: 'GET',
  path: '/api/options/:optionId/shopping-list.csv',
  summary: 'The shopping list as CSV: one row per line, a subtotal per retailer, the total; amounts in major units with their currency',
  tag: 'options',
  access: { kind: 'session', action: 'project:read', scope: optionScope },
  params: OptionParams,
  response: z.string(),
});

export const markPurchased = endpoint({
  id: 'markPurchased',
  method: 'POST',
  path: '/api/options/:optionId/shopping-list/lines/:lineKey/purchase',
  summary: 'Record that a shopping-list line was bought (order reference, price paid, date): a purchase line whose price is watched. Again with the same facts changes nothing.',
  tag: 'options',
  access: { kind: 'session', action: 'purchase:record', scope: optionScope },
  params: z.object({ optionId: Id, lineKey: z.string().min(1).max(200) }),
  body: z.object({
    orderRef: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    unitPricePaid: MoneySchema.refine((m) => m.amountMinor > 0, 'must be greater than zero: a price paid cannot be negative or nothing'),
    purchasedAt: IsoDateTime,
  }),
  response: z.object({ line: ShoppingLineSchema, recorded: z.boolean() }),
  bodyLimit: 4096,
});

export const optionsEndpoints = [
  createOption,
  renameOption,
  deleteOption,
  listVersions,
  publishVersion,
  uploadVersionAttachment,
  getVersion,
  optionChanges,
  compareOptions,
  listComments,
  addComment,
  approveOption,
  shoppingList,
  shoppingListCsv,
  markPurchased,
] as const;
