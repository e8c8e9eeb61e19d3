/**
 * [Room] The room shell's contracts: a designer creates a room in a project (its outline typed,
 * drawn or from a preset) together with the room's first, empty design option; edits its shape
 * and name under optimistic concurrency (the `updatedAt` the editor started from; a stale one
 * gets 409 with the room as it is now); deletes a room nobody has put anything into yet. The server
 * refuses a room `core/geometry` finds unbuildable, naming the wall or opening at fault.
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { DesignOptionSchema, Id, IsoDateTime, LengthMm, RoomSchema, RoomShapeSchema } from './schemas.ts';

export const RoomName = z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters');

/** A ready-made outline; the rest of the shape takes the defaults below unless given. */
export const RoomPresetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rectangle'), widthMm: LengthMm, depthMm: LengthMm }),
  z.object({ kind: z.literal('l-shape'), widthMm: LengthMm, depthMm: LengthMm, cutWidthMm: LengthMm, cutDepthMm: LengthMm }),
]);

export const ROOM_DEFAULTS = {
  ceilingHeightMm: 2500,
  wallThicknessMm: 100,
  floor: { colour: '#c8a27a', material: 'wood' },
  walls: { colour: '#f1ece4', material: 'paint' },
} as const;

export const OptionSummarySchema = DesignOptionSchema.omit({ items: true }).extend({ itemCount: z.number().int() });

const projectScope = { param: 'projectId', resource: 'project' } as const;
const roomScope = { param: 'roomId', resource: 'room' } as const;

export const createRoom = endpoint({
  id: 'createRoom',
  method: 'POST',
  path: '/api/projects/:projectId/rooms',
  summary: "Add a room to a project (a whole shape, or a preset outline) with the room's first, empty design option",
  tag: 'rooms',
  access: { kind: 'session', action: 'room:edit', scope: projectScope },
  params: z.object({ projectId: Id }),
  body: z
    .object({
      name: RoomName,
      shape: RoomShapeSchema.optional(),
      preset: RoomPresetSchema.optional(),
      optionName: z.string().trim().min(1).max(80).optional(),
    })
    .refine((body) => (body.shape === undefined) !== (body.preset === undefined), { message: 'give either a shape or a preset', path: ['shape'] }),
  response: z.object({ room: RoomSchema, option: OptionSummarySchema }),
  successStatus: 201,
  bodyLimit: 64 * 1024,
});

export const updateRoom = endpoint({
  id: 'updateRoom',
  method: 'PUT',
  path: '/api/rooms/:roomId',
  summary: "Change a room's name and shape; `expectedUpdatedAt` is the room's updatedAt the change was made from (409 with the current room when it moved on)",
  tag: 'rooms',
  access: { kind: 'session', action: 'room:edit', scope: roomScope },
  params: z.object({ roomId: Id }),
  body: z.object({ expectedUpdatedAt: IsoDateTime, name: RoomName.optional(), shape: RoomShapeSchema.optional() }),
  response: z.object({ room: RoomSchema }),
  bodyLimit: 64 * 1024,
});

export const deleteRoom = endpoint({
  id: 'deleteRoom',
  method: 'DELETE',
  path: '/api/rooms/:roomId',
  summary: 'Delete a room nobody has put anything into (its empty options go with it); 409 naming what it holds, or when it was changed since',
  tag: 'rooms',
  access: { kind: 'session', action: 'room:edit', scope: roomScope },
  params: z.object({ roomId: Id }),
  query: z.object({ expectedUpdatedAt: IsoDateTime }),
  response: z.object({ ok: z.literal(true) }),
});

export const roomEndpoints = [createRoom, updateRoom, deleteRoom] as const;
