import assert from 'node:assert/strict';
import type { DispatchSummary } from '../../src/app/delivery/delivery-report';
import { renderDeliveryCard } from '../../src/cards/delivery-card';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';

describe('cards: the delivery report names recipients in words', () => {
  it('calls the working group’s channel by its name, not by the stored marker', () => {
    const dispatch: DispatchSummary = {
      dispatchId: 'call:session-2027-1',
      createdAt: '2027-01-29T10:00:00.000Z',
      sent: 0,
      pending: 0,
      failed: 1,
      failures: [{ recipientLabel: 'working group', reason: 'permanent', status: 404 }],
    };
    const text = (locale: 'de' | 'en') =>
      cardText(renderDeliveryCard([dispatch], 'Europe/Berlin', translator(locale)) as Record<string, unknown>);
    assert.match(text('de'), /Kanal oder Gruppenchat der Arbeitsgruppe: /);
    assert.doesNotMatch(text('de'), /working group/);
    assert.match(text('en'), /the working group's channel or group chat: /);
  });
});
