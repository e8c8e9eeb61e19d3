import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';

/** A sentence a person can act on, for any error a screen catches. */
export function describeError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    switch (error.code) {
      case 'network':
        return t('errors.network');
      case 'unauthenticated':
        return t('errors.unauthenticated');
      case 'invalid_credentials':
        return t('signIn.invalidCredentials');
      case 'forbidden':
        return t('errors.forbidden');
      case 'not_found':
        return t('errors.notFound');
      case 'invalid_request':
        return error.issues.length ? t('errors.invalidRequest') : t('errors.generic', { message: error.message });
      case 'invalid_response':
        return t('errors.invalidResponse');
      default:
        return t('errors.generic', { message: error.message });
    }
  }
  return t('errors.generic', { message: error instanceof Error ? error.message : '' });
}
