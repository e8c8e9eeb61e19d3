/**
 * A room's photos and the uploads in flight: each file goes up as raw bytes, then its browser-made
 * thumbnail; a refusal keeps the server's sentence ("An HTML document is not an image…") beside
 * the file's name. The list reloads once a batch is done.
 */
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { putThumbnail, roomPhotos, uploadRoomPhoto, type RoomPhotosSchema } from '../../../core/api/files.ts';
import { isApiError } from '../../api/client.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { makeThumbnail, sendFile } from './upload.ts';

export type RoomPhotosData = z.infer<typeof RoomPhotosSchema>;

export interface UploadProblem {
  readonly name: string;
  readonly message: string;
}

export function useRoomPhotos(roomId: string) {
  const resource = useResource(`room-photos:${roomId}`, (signal) => api.call(roomPhotos, { params: { roomId }, signal }));
  const [busy, setBusy] = useState(0);
  const [problems, setProblems] = useState<readonly UploadProblem[]>([]);
  const { reload } = resource;

  const upload = useCallback(
    async (files: readonly File[], shot: string | undefined) => {
      if (files.length === 0) return;
      setProblems([]);
      setBusy((n) => n + files.length);
      const failed: UploadProblem[] = [];
      for (const file of files) {
        try {
          const { photo } = await sendFile(uploadRoomPhoto, { params: { roomId }, query: { name: file.name || 'photo', ...(shot ? { shot } : {}) } }, file);
          const thumbnail = await makeThumbnail(file);
          // A photo without a thumbnail still shows (the original stands in), so a failure here is not the person's problem.
          if (thumbnail) await sendFile(putThumbnail, { params: { fileId: photo.id } }, thumbnail).catch(() => undefined);
        } catch (error) {
          failed.push({ name: file.name, message: isApiError(error) ? error.message : String(error) });
        } finally {
          setBusy((n) => n - 1);
        }
      }
      setProblems(failed);
      reload();
    },
    [roomId, reload],
  );

  return { resource, upload, busy, problems, dismissProblems: () => setProblems([]) };
}
