import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as endpoints from '../../../core/api/options.ts';
import { can } from '../../../core/permissions.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { FormError, useFormAction } from './formAction.tsx';
import './options.css';

export interface CommentablePiece {
  readonly id: string;
  readonly name: string;
}

/** Comments on the option and its pieces, with who and when; the customer and designer post, support reads. */
export function CommentsPanel({ optionId, pieces }: { readonly optionId: string; readonly pieces: readonly CommentablePiece[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useAppStore(selectUser);
  const comments = useResource(`comments:${optionId}`, (signal) => api.call(endpoints.listComments, { params: { optionId }, signal }));
  const names = new Map(pieces.map((piece) => [piece.id, piece.name]));
  const canPost = user ? can(user, 'option:comment', true) : false;
  return (
    <section className="panel comments" aria-labelledby="comments-title">
      <h2 className="panel__title" id="comments-title">
        {t('options.commentsTitle')}
        {comments.status === 'ready' ? <span className="panel__count">{comments.data.comments.length}</span> : null}
      </h2>
      {comments.status === 'loading' ? <LoadingState label={t('options.loadingComments')} /> : null}
      {comments.status === 'error' ? <ErrorState error={comments.error} onRetry={comments.reload} /> : null}
      {comments.status === 'ready' ? (
        comments.data.comments.length === 0 ? (
          <p className="muted panel__empty">{t('options.noComments')}</p>
        ) : (
          <ol className="comment-list">
            {comments.data.comments.map((comment) => (
              <li key={comment.id} className={`comment comment--${comment.author.role}`}>
                <header className="comment__head">
                  <strong>{comment.author.name}</strong>
                  <span className="muted">
                    {t(`role.${comment.author.role}`)} · <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
                  </span>
                </header>
                {comment.itemId ? <p className="comment__about">{t('options.commentAbout', { piece: names.get(comment.itemId) ?? t('options.removedPiece') })}</p> : null}
                <p className="comment__body">{comment.body}</p>
              </li>
            ))}
          </ol>
        )
      ) : null}
      {canPost ? <CommentForm optionId={optionId} pieces={pieces} onPosted={comments.reload} /> : null}
    </section>
  );
}

function CommentForm({ optionId, pieces, onPosted }: { readonly optionId: string; readonly pieces: readonly CommentablePiece[]; readonly onPosted: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [itemId, setItemId] = useState('');
  const { busy, error, setError, run } = useFormAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('options.commentRequired'));
      return;
    }
    void run(async () => {
      await api.call(endpoints.addComment, { params: { optionId }, body: { body, itemId: itemId || null } });
      setBody('');
      onPosted();
    });
  };
  return (
    <form className="comment-form" onSubmit={submit}>
      <label className="field__label" htmlFor="comment-about">
        {t('options.commentAboutLabel')}
      </label>
      <select id="comment-about" className="field__input" value={itemId} onChange={(event) => setItemId(event.target.value)}>
        <option value="">{t('options.wholeOption')}</option>
        {pieces.map((piece) => (
          <option key={piece.id} value={piece.id}>
            {piece.name}
          </option>
        ))}
      </select>
      <label className="field__label" htmlFor="comment-body">
        {t('options.commentLabel')}
      </label>
      <textarea id="comment-body" className="field__input" rows={2} maxLength={4000} value={body} onChange={(event) => setBody(event.target.value)} aria-invalid={error ? true : undefined} />
      <FormError error={error} />
      <Button type="submit" size="sm" disabled={busy}>
        {t('options.postComment')}
      </Button>
    </form>
  );
}
