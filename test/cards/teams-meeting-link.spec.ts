import assert from 'node:assert/strict';
import { renderInvitationCard } from '../../src/cards/invitation-card';
import { isTeamsMeetingLink } from '../../src/domain/web-link';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import { sampleInvitation } from './session-card-fixtures';

const JOIN =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ2YTU4ZDEtYjA4ZC00NDcyLWIyNTItY2MwYWQ2ZjZkNmNm%40thread.v2/0' +
  '?context=%7b%22Tid%22%3a%2272f988bf%22%7d';

describe('cards: a Teams meeting as the online link', () => {
  it('tells a Teams join link from other addresses', () => {
    assert.equal(isTeamsMeetingLink(JOIN), true);
    assert.equal(isTeamsMeetingLink('https://teams.microsoft.com/v2/'), false);
    assert.equal(isTeamsMeetingLink('https://teams.microsoft.com.example/l/meetup-join/x'), false);
    assert.equal(isTeamsMeetingLink('http://teams.microsoft.com/l/meetup-join/x'), false);
    assert.equal(isTeamsMeetingLink('Einwahl: +49 341 123456, PIN 4711'), false);
  });

  it('names a Teams meeting on the invitation instead of printing its address, and keeps the join button', () => {
    const card = renderInvitationCard(sampleInvitation({ onlineLink: JOIN }), translator('de'));
    const text = cardText(card);
    assert.match(text, /Teams-Besprechung – beitreten mit „Online teilnehmen“/);
    assert.ok(!text.includes('meetup-join'), 'the address is not printed as text');
    assert.ok(JSON.stringify(card).includes(JOIN), 'the „Online teilnehmen“ button still opens the meeting');
    assert.match(
      cardText(renderInvitationCard(sampleInvitation({ onlineLink: JOIN }), translator('en'))),
      /Teams meeting/,
    );
  });

  it('prints any other online link as typed', () => {
    const text = cardText(
      renderInvitationCard(sampleInvitation({ onlineLink: 'https://meet.example/kog' }), translator('de')),
    );
    assert.match(text, /https:\/\/meet\.example\/kog/);
    assert.ok(!text.includes('Teams-Besprechung'));
  });
});
