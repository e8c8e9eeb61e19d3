/**
 * [Intake] A customer's new project asked once (project.ts), their style profile as a vector
 * that ranks the catalog (style.ts, cards.ts, colours.ts), and the stage tracker's schedule
 * (schedule.ts). Pure: no store, no clock.
 */
export * from './cards.ts';
export * from './colours.ts';
export * from './project.ts';
export * from './schedule.ts';
export * from './style.ts';
