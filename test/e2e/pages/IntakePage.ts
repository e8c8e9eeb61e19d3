import type { Locator, Page } from '@playwright/test';

/** The new-project wizard (#/start) and the style questions it shares with #/style. */
export class IntakePage {
  readonly page: Page;
  readonly heading: Locator;
  readonly steps: Locator;
  readonly next: Locator;
  readonly start: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.steps = page.getByRole('list', { name: 'Steps' });
    this.next = page.getByRole('button', { name: /^(Next|Skip for now)$/ });
    this.start = page.getByRole('button', { name: 'Start the project' });
  }

  room(n: number): Locator {
    return this.page.getByRole('group', { name: `Room ${n}` });
  }

  async describeRoom(n: number, room: { name: string; kind: string; purpose: string }): Promise<void> {
    const fieldset = this.room(n);
    await fieldset.getByLabel('Room name').fill(room.name);
    await fieldset.getByLabel('Kind of room').selectOption({ label: room.kind });
    await fieldset.getByLabel('What is it for?').fill(room.purpose);
  }

  async addNewPiece(room: string, piece: { name: string; category: string; width: string; depth: string; height: string }): Promise<void> {
    await this.page.getByRole('button', { name: `Add a piece you keep in ${room}` }).click();
    const group = this.page.getByRole('group', { name: new RegExp(`^New piece \\d+ in ${room}$`) }).last();
    await group.getByLabel('What is it?').fill(piece.name);
    await group.getByLabel('Kind of piece').selectOption(piece.category);
    await group.getByLabel(/^Width/).fill(piece.width);
    await group.getByLabel(/^Depth/).fill(piece.depth);
    await group.getByLabel(/^Height/).fill(piece.height);
  }

  card(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  async answerCard(name: string, answer: 'Like' | 'Pass'): Promise<void> {
    await this.card(name).getByRole('button', { name: answer }).click();
  }
}

/** The stage tracker on the project page. */
export class TrackerPanel {
  readonly page: Page;
  readonly region: Locator;
  readonly next: Locator;
  readonly timeline: Locator;

  constructor(page: Page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Progress' });
    this.next = page.getByTestId('tracker-next');
    this.timeline = page.getByRole('list', { name: 'Timeline' });
  }

  /** Opens the stages and timeline (they stay open across reloads of the page's data). */
  async open(): Promise<void> {
    const toggle = this.region.getByRole('button', { name: /^(Stages and timeline|Hide stages)$/ });
    await toggle.waitFor({ timeout: 30_000 });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.timeline.waitFor({ timeout: 30_000 });
  }

  event(text: string | RegExp): Locator {
    return this.timeline.getByRole('listitem').filter({ hasText: text });
  }
}
