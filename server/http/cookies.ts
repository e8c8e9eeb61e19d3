/** Minimal cookie handling for the one session cookie the API sets. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function sessionCookie(name: string, value: string, expires: Date | null, secure: boolean): string {
  const attributes = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (expires) attributes.push(`Expires=${expires.toUTCString()}`);
  else attributes.push('Max-Age=0');
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}
