import assert from 'node:assert/strict';
import { bilingualFeedLinkMail, feedLinkMail } from '../../src/cards/feed-link-mail';
import { translator } from '../../src/i18n/translator';

const FACTS = {
  name: 'Petra Albrecht',
  committeeName: 'Koordinierungsgremium Leipzig',
  feedUrl: 'webcal://gremium.example.org/api/calendar/abc.ics',
};

describe('cards/feed-link-mail', () => {
  it('tells a person without Teams where their calendar is, that Outlook brings the invitations, and that the link is personal', () => {
    const mail = feedLinkMail(FACTS, translator('de'));
    assert.equal(mail.subject, 'Ihr Sitzungskalender: Koordinierungsgremium Leipzig');
    assert.ok(mail.body.startsWith('Guten Tag Petra Albrecht,'));
    assert.ok(mail.body.includes('per Outlook'));
    assert.ok(mail.body.includes(`\n${FACTS.feedUrl}\n`), 'the link on a line of its own');
    assert.ok(mail.body.includes('persönlich'));
    assert.ok(!/[*_`\\]/.test(mail.body), 'plain text, no markdown');
  });

  it('writes German first and English second when the language is not known', () => {
    const mail = bilingualFeedLinkMail(FACTS);
    const german = mail.body.indexOf('Guten Tag');
    const english = mail.body.indexOf('Hello Petra Albrecht');
    assert.ok(german === 0 && english > german, mail.body);
    assert.equal(mail.body.split(FACTS.feedUrl).length - 1, 2);
  });
});
