import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putThumbnail, uploadPiecePhoto } from '../../../core/api/files.ts';
import { isApiError } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { FilePicker } from './FilePicker.tsx';
import { makeThumbnail, sendFile } from './upload.ts';
import './photos.css';

/**
 * A photo of a piece the customer keeps, for the intake wizard: uploads at once (before the
 * project exists) and hands back the file id for the piece to keep; shows it with a way to
 * replace or drop it.
 */
export function KeptPiecePhoto({ fileId, pieceName, onChange }: { readonly fileId: string | null; readonly pieceName: string; readonly onChange: (fileId: string | null) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const stored = (await sendFile(uploadPiecePhoto, { query: { name: file.name || 'piece' } }, file)).file;
      const thumbnail = await makeThumbnail(file);
      if (thumbnail) await sendFile(putThumbnail, { params: { fileId: stored.id } }, thumbnail).catch(() => undefined);
      onChange(stored.id);
    } catch (error) {
      setProblem(isApiError(error) ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="kept-piece-photo">
      {fileId ? <img src={`/api/files/${encodeURIComponent(fileId)}?variant=thumbnail`} alt={t('photos.piece.alt', { name: pieceName })} width={96} height={72} /> : null}
      <FilePicker label={busy ? t('photos.piece.adding') : fileId ? t('photos.piece.replace') : t('photos.piece.add')} accessibleLabel={t('photos.piece.addFor', { name: pieceName })} multiple={false} disabled={busy} onFiles={(files) => void add(files[0])} />
      {fileId ? (
        <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
          {t('photos.piece.remove')}
        </Button>
      ) : null}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
