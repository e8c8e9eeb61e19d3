import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { describeError } from '../app/errors.ts';
import { signIn } from '../app/studio.ts';
import { Brand } from '../ui/AppHeader.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Alert, Check } from '../ui/Icons.tsx';

/** Only the obvious slips are caught here; the server has the final word on the address. */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

export function SignInScreen() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = email.trim();
    const problems = {
      email: !trimmed ? t('signIn.emailRequired') : LOOKS_LIKE_EMAIL.test(trimmed) ? undefined : t('signIn.emailInvalid'),
      password: password ? undefined : t('signIn.passwordRequired'),
    };
    setFieldErrors(problems);
    setFormError(null);
    if (problems.email || problems.password) return;
    setBusy(true);
    try {
      await signIn(trimmed, password);
    } catch (error) {
      if (isApiError(error) && error.issues.length > 0) {
        // The server names the field: show its words beside the input.
        setFieldErrors({ email: error.issueFor('body.email'), password: error.issueFor('body.password') });
      }
      setFormError(describeError(error, t));
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <aside className="sign-in__brand">
        <Brand />
        <div className="sign-in__pitch">
          <h2>{t('signIn.brandHeadline')}</h2>
          <ul>
            {(['signIn.brandPoint1', 'signIn.brandPoint2', 'signIn.brandPoint3'] as const).map((key) => (
              <li key={key}>
                <Check />
                {t(key)}
              </li>
            ))}
          </ul>
        </div>
        <p className="sign-in__tagline">{t('app.tagline')}</p>
      </aside>
      <main className="sign-in__main" id="main">
        <form className="sign-in__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">{t('signIn.title')}</h1>
          <p className="muted">{t('signIn.subtitle')}</p>
          {formError ? (
            <div className="banner banner--error" role="alert">
              <Alert />
              <span>{formError}</span>
            </div>
          ) : null}
          <Field label={t('signIn.email')} type="email" name="email" autoComplete="username" inputMode="email" value={email} onChange={(event) => setEmail(event.target.value)} error={fieldErrors.email} autoFocus />
          <Field label={t('signIn.password')} type="password" name="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} error={fieldErrors.password} />
          <Button type="submit" variant="primary" block disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </form>
      </main>
    </div>
  );
}
