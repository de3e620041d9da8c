import assert from 'node:assert/strict';
import { bilingualFeedLinkMail, createMailRenderer, feedLinkMail } from '../../src/cards/feed-link-mail';
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

  it('writes the e-mail Graph sends as HTML: text escaped, lines kept, the subscription page a link', () => {
    const link = {
      httpsUrl: 'https://gremium.example/api/feed/d/tok.ics',
      webcalUrl: 'webcal://gremium.example/api/feed/d/tok.ics',
      pageUrl: 'https://gremium.example/api/feed/d/tok',
    };
    const renderer = createMailRenderer();
    const mail = renderer.feedLinkMail(
      { name: 'Petra <b>Albrecht</b>', committeeName: 'Arbeit & Soziales', link },
      'de',
    );
    assert.equal(mail.subject, 'Ihr Sitzungskalender: Arbeit & Soziales', 'the subject is plain text');
    assert.ok(mail.bodyHtml.startsWith('<p>Guten Tag Petra &#60;b&#62;Albrecht&#60;/b&#62;,</p>'), mail.bodyHtml);
    assert.ok(mail.bodyHtml.includes('„Arbeit &#38; Soziales“'), mail.bodyHtml);
    assert.ok(mail.bodyHtml.includes(`<a href="${link.pageUrl}">${link.pageUrl}</a>`), mail.bodyHtml);
    assert.ok(!mail.bodyHtml.includes(link.httpsUrl), 'the page, which offers both ways to subscribe');
    assert.ok(mail.bodyHtml.includes('Mit freundlichen Grüßen<br>Ihre Geschäftsstelle'), mail.bodyHtml);
    const english = renderer.feedLinkMail({ name: 'Petra', committeeName: 'KOG', link }, 'en');
    assert.equal(english.subject, 'Your session calendar: KOG');
  });
});
