import type { RouteImpl } from '../http/context.ts';
import { authRoutes } from './auth.ts';
import { catalogRoutes } from './catalog.ts';
import { chatRoutes } from './chat.ts';
import { deskRoutes } from './desk.ts';
import { filesRoutes } from './files.ts';
import { intakeRoutes } from './intake.ts';
import { optionRoutes } from './options.ts';
import { privacyRoutes } from './privacy.ts';
import { projectRoutes } from './projects.ts';
import { roomRoutes } from './rooms.ts';
import { watchRoutes } from './watch.ts';

/** Every API route the server serves. A feature adds its list here. */
export const ALL_ROUTES: readonly RouteImpl[] = [...authRoutes, ...projectRoutes, ...roomRoutes, ...catalogRoutes, ...watchRoutes, ...deskRoutes, ...optionRoutes, ...intakeRoutes, ...filesRoutes, ...privacyRoutes, ...chatRoutes];
