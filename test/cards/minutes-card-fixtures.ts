import type { MinutesItemForm } from '../../src/app/minutes/edit-minutes';
import type { MinutesResultsMessage, MinutesReviewMessage, ShownItem } from '../../src/app/minutes/minutes-messages';
import type { MinutesView } from '../../src/app/minutes/open-minutes';
import type { CardBanner } from '../../src/cards/card-button';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderMinutesCard } from '../../src/cards/minutes-card';
import { RESPONSIBLE_CHOICES_MAX, renderMinutesItemCard } from '../../src/cards/minutes-item-card';
import { renderMinutesResultsCard, renderMinutesReviewCard } from '../../src/cards/minutes-review-card';
import { AGENDA_LIMITS } from '../../src/domain/agenda/agenda-items';
import { MINUTES_LIMITS, type MinutesItem } from '../../src/domain/minutes/minutes-content';
import { agreementField, type MinutesItemProblem } from '../../src/domain/minutes/minutes-item-edit';
import type { Person } from '../../src/domain/roster';
import type { Translator } from '../../src/i18n/translator';
import { shownItems } from '../../src/app/minutes/minutes-messages';

const PERSON_ID = (index: number) => `12345678-0000-4000-8000-${String(index).padStart(12, '0')}`;
/** Enough people that every responsible list is cut to its maximum. */
const PEOPLE: Person[] = Array.from({ length: RESPONSIBLE_CHOICES_MAX * 3 }, (_, index) => ({
  aadObjectId: PERSON_ID(index),
  displayName: `Person ${'N'.repeat(60)} ${index}`,
  roles: ['member'],
  active: true,
}));
const roster = {
  seats: [],
  people: new Map(
    PEOPLE.map((person) => [
      person.aadObjectId,
      { ...person, id: `person-${index(person)}`, committeeId: 'c', type: 'person' as const, _etag: 'e' },
    ]),
  ),
};
function index(person: Person): string {
  return person.aadObjectId.slice(-4);
}

/** An item with every text at its longest and `agreements` agreements. */
function longestItem(position: number, agreements: number): MinutesItem {
  return {
    itemId: `item-0123456789abcdef0123456789abcdef${String(position).padStart(4, '0')}`,
    title: 'T'.repeat(AGENDA_LIMITS.title),
    summary: 'Zusammenfassung *mit* [Markdown] '.repeat(200).slice(0, MINUTES_LIMITS.summary),
    result: 'R'.repeat(MINUTES_LIMITS.result),
    agreements: Array.from({ length: agreements }, (_, number) => ({
      id: `agreement-0123456789abcdef0123456789abcdef${number}`,
      text: 'V'.repeat(MINUTES_LIMITS.agreementText),
      institution: 'I'.repeat(MINUTES_LIMITS.institution),
      responsibleId: PERSON_ID(number),
      dueDate: '2027-04-30',
    })),
  };
}

/** Thirty items with the longest texts and sixty agreements in all: the largest minutes. */
function largestItems(): MinutesItem[] {
  return Array.from({ length: AGENDA_LIMITS.items }, (_, position) =>
    longestItem(position, MINUTES_LIMITS.agreementsTotal / AGENDA_LIMITS.items),
  );
}

function shown(items: readonly MinutesItem[], withSummary: boolean): ShownItem[] {
  return shownItems(items, roster as unknown as Parameters<typeof shownItems>[1], withSummary);
}

function view(items: readonly MinutesItem[], overrides: Partial<MinutesView> = {}): MinutesView {
  const objections = Array.from({ length: 20 }, () => ({
    name: 'N'.repeat(120),
    comment: 'K'.repeat(MINUTES_LIMITS.comment),
  }));
  return {
    committeeId: 'tenant-11111111-2222-3333-4444-555555555555',
    timeZone: 'Europe/Berlin',
    sessionId: 'session-2027-1',
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    status: 'circulated',
    version: 12,
    unpublished: false,
    items: shown(items, true),
    participants: 40,
    chair: 'C'.repeat(150),
    lastSaved: { at: '2027-02-12T10:00:00.000Z', byName: 'N'.repeat(120) },
    circulation: {
      version: 12,
      at: '2027-02-12T10:00:00.000Z',
      objectionDeadline: '2027-02-19T23:00:00.000Z',
      round: 3,
    },
    publishedVersion: 12,
    responses: Object.fromEntries(items.map((item) => [item.itemId, { agreed: 40, objections }])),
    objectionDays: 7,
    ...overrides,
  };
}

function review(items: readonly MinutesItem[]): MinutesReviewMessage {
  return {
    committeeId: 'tenant-11111111-2222-3333-4444-555555555555',
    committeeName: 'K'.repeat(200),
    timeZone: 'Europe/Berlin',
    sessionId: 'session-2027-1',
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    version: 12,
    round: 3,
    objectionDeadline: '2027-02-19T23:00:00.000Z',
    items: shown(items, true),
    changedItemIds: items.map((item) => item.itemId),
    answers: Object.fromEntries(
      items.map((item) => [item.itemId, { answer: 'object' as const, comment: 'K'.repeat(MINUTES_LIMITS.comment) }]),
    ),
    mayAnswer: true,
  };
}

function results(items: readonly MinutesItem[], audience: MinutesResultsMessage['audience']): MinutesResultsMessage {
  return {
    ...review(items),
    audience,
    correction: true,
    automatic: false,
    items: audience === 'workingGroup' ? shown(items, false) : [],
  };
}

/** The item form with ten agreements at their longest, people to choose from, and every problem listed. */
function largestForm(correction: boolean): MinutesItemForm {
  const item = longestItem(1, MINUTES_LIMITS.agreementsPerItem);
  return { view: view([item]), item, number: AGENDA_LIMITS.items, people: PEOPLE, correction };
}

/** A PDF link as issued for a reader: the longest committee and session ids the routes carry. */
const PDF_URL =
  'https://gremium.example/api/minutes/tenant-11111111-2222-3333-4444-555555555555/session-2027-1/Xk3vQ0cT9yZr2bWm8LpN4sHd7FgJ1aUe6oKiYw5tRqE.pdf';

/** The minutes cards in their largest variants, for the template tests. */
export function minutesCardSamples(
  i18n: Translator,
): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  const locale = i18n.locale;
  const banner: CardBanner = { style: 'warning', title: 'B'.repeat(200), text: 'T'.repeat(500) };
  const items = largestItems();
  const form = largestForm(false);
  const typed: Record<string, unknown> = {
    summary: 'S'.repeat(MINUTES_LIMITS.summary),
    result: 'R'.repeat(MINUTES_LIMITS.result),
  };
  const problems: MinutesItemProblem[] = Array.from({ length: MINUTES_LIMITS.agreementsPerItem + 1 }, (_, row) => ({
    field: 'dueDate' as const,
    row: row + 1,
    code: 'pastDate' as const,
  }));
  for (let row = 1; row <= MINUTES_LIMITS.agreementsPerItem; row += 1)
    typed[agreementField(row, 'text')] = 'X'.repeat(MINUTES_LIMITS.agreementText);
  return [
    {
      template: 'minutes',
      name: `minutes, 30 items with picker (${locale})`,
      card: renderMinutesCard(view(items), i18n, { banner, pdfUrl: PDF_URL }),
    },
    {
      template: 'minutes',
      name: `minutes, 10 items with buttons (${locale})`,
      card: renderMinutesCard(view(items.slice(0, 10), { status: 'approved', unpublished: true, version: 13 }), i18n, {
        banner,
        pdfUrl: PDF_URL,
      }),
    },
    {
      template: 'minutes-item',
      name: `minutes item, ten agreements (${locale})`,
      card: renderMinutesItemCard(form, i18n),
    },
    {
      template: 'minutes-item',
      name: `minutes item with problems (${locale})`,
      card: renderMinutesItemCard(form, i18n, { fields: typed, problems }),
    },
    {
      template: 'minutes-item',
      name: `minutes item correction (${locale})`,
      card: renderMinutesItemCard(largestForm(true), i18n),
    },
    {
      template: 'minutes-review',
      name: `minutes review, 30 items (${locale})`,
      card: renderMinutesReviewCard(review(items), i18n, { banner, pdfUrl: PDF_URL }),
    },
    {
      template: 'minutes-results',
      name: `minutes results, 30 items (${locale})`,
      card: renderMinutesResultsCard(results(items, 'workingGroup'), i18n, PDF_URL),
    },
    {
      template: 'minutes-results',
      name: `minutes approved notice (${locale})`,
      card: renderMinutesResultsCard(results(items, 'recipients'), i18n, PDF_URL),
    },
  ];
}
