import os from 'node:os';
import path from 'node:path';

/** Where a person's studio data lives when no --data is given. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.ATELIER_DATA) return path.resolve(env.ATELIER_DATA);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Atelier', 'data');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Atelier', 'data');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'atelier');
}
