import type { AgendaDeadlineMessage } from '../../src/app/agenda/agenda-deadline-notices';
import { renderAgendaDeadlineCard } from '../../src/cards/agenda-deadline-card';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { AGENDA_LIMITS, type AgendaItem } from '../../src/domain/agenda/agenda-items';
import { TEXT_LIMITS } from '../../src/domain/committee';
import type { Translator } from '../../src/i18n/translator';

const BASE = {
  committeeName: 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“',
  timeZone: 'Europe/Berlin',
  sessionId: 'session-2027-1',
  sessionNumber: '2027/1',
  startsAt: '2027-02-11T13:00:00.000Z',
  dueAt: '2027-01-28T08:00:00.000Z',
  openPoints: { undecidedSubmissions: 0, incompleteItems: [], minutesOver: 0 },
} as const;

/** An agenda's worth of items that lack everything, with the longest titles of markdown characters. */
export function mostOpenPoints(): AgendaDeadlineMessage['openPoints'] {
  const title = '*[Ä]_'.repeat(AGENDA_LIMITS.title / 5);
  const origin: AgendaItem['origin'] = { type: 'topic' };
  return {
    undecidedSubmissions: 999,
    incompleteItems: Array.from({ length: AGENDA_LIMITS.items }, (_, index) => ({
      position: index + 1,
      item: { id: `item-${index}`, title, origin },
      missing: ['presenter', 'duration'] as const,
    })),
    minutesOver: AGENDA_LIMITS.items * AGENDA_LIMITS.minutes.max,
  };
}

/** The secretariat's agenda notices: each variant, and the fullest one a committee can produce. */
export function agendaDeadlineCardSamples(
  i18n: Translator,
): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  const locale = i18n.locale;
  const longest = {
    ...BASE,
    committeeName: 'K'.repeat(TEXT_LIMITS.name),
    sessionNumber: '2027/S12',
    openPoints: mostOpenPoints(),
  };
  const samples: Array<[string, AgendaDeadlineMessage]> = [
    ['review, nothing open', { ...BASE, notice: 'review', autoPublish: true }],
    [
      'review of the fullest open agenda, published by hand',
      { ...longest, notice: 'review', autoPublish: false, publishedUnchanged: 99 },
    ],
    [
      'published, with the working group conversation',
      { ...BASE, notice: 'published', version: 1, items: 1, people: 1, toWorkingGroupConversation: true },
    ],
    [
      'published with the fullest open agenda',
      {
        ...longest,
        notice: 'published',
        version: 99,
        items: AGENDA_LIMITS.items,
        people: 9999,
        toWorkingGroupConversation: false,
      },
    ],
    ['waiting by setting with the fullest open agenda', { ...longest, notice: 'waiting', reason: 'setting' }],
    ['waiting for lack of seats', { ...BASE, notice: 'waiting', reason: 'noSeats' }],
  ];
  return samples.map(([name, message]) => ({
    template: 'agenda-deadline',
    name: `agenda deadline notice: ${name} (${locale})`,
    card: renderAgendaDeadlineCard(message, i18n),
  }));
}
