import { startStudioServer } from '../../server/start.ts';
export const wrongWay = startStudioServer;
