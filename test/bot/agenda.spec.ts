import assert from 'node:assert/strict';
import type { AgendaDocument } from '../../src/app/agenda/agenda-document';
import type { SubmissionDocument } from '../../src/app/agenda/submission-document';
import { reportTopicsClosed } from '../../src/app/agenda/topics-closed';
import type { DispatchDocument, OutboxDraft } from '../../src/app/delivery/outbox-record';
import { createMessageRenderer } from '../../src/cards/outgoing-messages';
import { VERBS } from '../../src/cards/verbs';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../app/sessions/session-world';
import { actionData, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;

describe('bot: triage, the agenda builder and publication', () => {
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps);
    await bot.message(person('lena'), 'thema: Ausbildungsabbrüche – Zahlen der Kammern');
  });
  afterEach(async () => temp.cleanup());

  const submission = async () =>
    (await temp.store.query<SubmissionDocument>(COMMITTEE, { type: 'topicSubmission' }))[0]!;
  const drafts = async (prefix: string): Promise<OutboxDraft[]> =>
    (await temp.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' }))
      .filter((dispatch) => dispatch.dispatchId.startsWith(prefix))
      .flatMap((dispatch) => dispatch.drafts);
  const rendered = (draft: OutboxDraft, locale = 'de-DE') =>
    cardText(
      createMessageRenderer('de').render(draft.message, locale, {}, { committeeId: COMMITTEE, shortName: 'KOG' })
        .attachments![0]!.content as Record<string, unknown>,
    );

  async function decisionForm(): Promise<Record<string, unknown>> {
    const list = firstCard(await bot.message(person('katrin'), 'themen'));
    assert.match(cardText(list), /Angemeldete Themen – Sitzung 2027\/1/);
    assert.match(cardText(list), /Ausbildungsabbrüche/);
    return bot.execute(person('katrin'), VERBS.topicDecideForm, actionData(list, VERBS.topicDecideForm));
  }

  it('accepts a topic: it appears on the agenda and the submitter is told 1:1', async () => {
    const form = await decisionForm();
    const accepted = await bot.execute(person('katrin'), VERBS.topicDecide, {
      ...actionData(form, VERBS.topicDecide, { decision: 'accept' }),
      presenter: 'Lena Vogt',
      minutes: '25',
      kind: 'decision',
    });
    assert.match(cardText(accepted), /„Ausbildungsabbrüche“ ist auf der Tagesordnung/);
    assert.equal(hasAction(accepted, VERBS.topicDecideForm), false, 'decided topics get no decide button');
    const [told] = await drafts('topic-decision:');
    assert.deepEqual(told?.recipient, { kind: 'person', aadObjectId: PEOPLE.lena });
    assert.match(
      rendered(told!),
      /Ihr Thema kommt auf die Tagesordnung[^]*„Ausbildungsabbrüche“ steht auf der Tagesordnung der Sitzung 2027\/1/,
    );
    assert.match(rendered(told!, 'en-US'), /Your topic goes on the agenda/);
    const agenda = cardText(firstCard(await bot.message(person('katrin'), 'tagesordnung')));
    assert.match(agenda, /TOP 1[^]*Eröffnung[^]*TOP 2[^]*Ausbildungsabbrüche[^]*Lena Vogt[^]*TOP 3[^]*Verschiedenes/);
    const again = await bot.execute(person('katrin'), VERBS.topicDecide, {
      ...actionData(form, VERBS.topicDecide, { decision: 'decline' }),
      reason: 'doch nicht',
    });
    assert.match(cardText(again), /bereits entschieden/);
    assert.equal((await submission()).status, 'accepted');
  });

  it('declines only with a reason, which the submitter gets, escaped', async () => {
    const form = await decisionForm();
    const decline = actionData(form, VERBS.topicDecide, { decision: 'decline' });
    const missing = await bot.execute(person('katrin'), VERBS.topicDecide, { ...decline, reason: '' });
    assert.match(cardText(missing), /Begründung/);
    assert.equal((await submission()).status, 'submitted');
    await bot.execute(person('katrin'), VERBS.topicDecide, {
      ...decline,
      reason: 'Zuständig ist **der Stadtrat** [hier](https://x.example)',
    });
    assert.equal((await submission()).status, 'declined');
    const [told] = await drafts('topic-decision:');
    const text = rendered(told!);
    assert.match(
      text,
      /Begründung: Zuständig ist \\\*\\\*der Stadtrat\\\*\\\* \\\[hier\\\]\\\(https:\/\/x\.example\\\)/,
    );
  });

  it('tells the secretariat at the topic deadline how many topics wait for a decision', async () => {
    await reportTopicsClosed(
      world.deps,
      { committeeId: COMMITTEE, timeZone: 'Europe/Berlin' },
      await world.session(),
      '2027-01-21T23:00:00.000Z',
    );
    const [note] = await drafts('topics-closed:');
    assert.deepEqual(note?.recipient, { kind: 'person', aadObjectId: PEOPLE.katrin });
    assert.match(
      rendered(note!),
      /Anmeldeschluss für Sitzung 2027\/1[^]*1 Themenanmeldung wartet auf Ihre Entscheidung/,
    );
  });

  it('refuses members, tampered ids and outdated cards, changing nothing', async () => {
    const form = await decisionForm();
    const accept = {
      ...actionData(form, VERBS.topicDecide, { decision: 'accept' }),
      minutes: '20',
      kind: 'information',
    };
    for (const command of ['themen', 'tagesordnung', 'tagesordnung veröffentlichen']) {
      assert.match(
        cardText(firstCard(await bot.message(person('birgit'), command))),
        /Nur die Geschäftsstelle/,
        command,
      );
    }
    assert.match(cardText(await bot.execute(person('birgit'), VERBS.topicDecide, accept)), /Nur die Geschäftsstelle/);
    assert.match(
      cardText(await bot.execute(person('katrin'), VERBS.topicDecide, { ...accept, submissionId: SESSION_1 })),
      /gibt es nicht/,
    );
    assert.match(
      cardText(await bot.execute(person('katrin'), VERBS.topicDecide, { ...accept, submissionId: { $ne: null } })),
      /gibt es nicht/,
    );
    assert.match(
      cardText(await bot.execute(person('katrin'), VERBS.topicDecide, { ...accept, revision: 99 })),
      /inzwischen geändert|nicht mehr aktuell|bereits/,
    );
    assert.equal((await submission()).status, 'submitted');
    assert.equal((await temp.store.query(COMMITTEE, { type: 'agenda' })).length, 0);
    assert.equal((await drafts('topic-decision:')).length, 0);
  });

  it('reorders and edits items, warns above the session length, and refuses an outdated card', async () => {
    const form = await decisionForm();
    await bot.execute(person('katrin'), VERBS.topicDecide, {
      ...actionData(form, VERBS.topicDecide, { decision: 'accept' }),
      minutes: '20',
      kind: 'discussion',
    });
    await bot.message(person('lena'), 'bedarf: Kinderbetreuung');
    const second = await decisionForm();
    await bot.execute(person('katrin'), VERBS.topicDecide, {
      ...actionData(second, VERBS.topicDecide, { decision: 'accept' }),
      minutes: '20',
      kind: 'discussion',
    });
    const agenda = firstCard(await bot.message(person('katrin'), 'tagesordnung'));
    const stored = (await temp.store.query<AgendaDocument>(COMMITTEE, { type: 'agenda' }))[0]!;
    assert.deepEqual(
      stored.items.map((item) => item.title),
      ['', 'Ausbildungsabbrüche', 'Kinderbetreuung', ''],
    );
    const secondItem = stored.items[2]!;
    const up = actionData(agenda, VERBS.agendaMove, { itemId: secondItem.id, direction: 'up' });
    const moved = await bot.execute(person('katrin'), VERBS.agendaMove, up);
    assert.match(cardText(moved), /TOP 2[^]*Kinderbetreuung[^]*TOP 3[^]*Ausbildungsabbrüche/);
    const stale = await bot.execute(person('katrin'), VERBS.agendaMove, up);
    assert.match(cardText(stale), /inzwischen geändert/);
    const edit = await bot.execute(
      person('katrin'),
      VERBS.agendaItemForm,
      actionData(moved, VERBS.agendaItemForm, { itemId: secondItem.id }),
    );
    const save = actionData(edit, VERBS.agendaItemSave);
    const problems = await bot.execute(person('katrin'), VERBS.agendaItemSave, {
      ...save,
      title: 'Kinderbetreuung',
      minutes: '0',
      kind: 'decision',
    });
    assert.match(cardText(problems), /Dauer/);
    const long = await bot.execute(person('katrin'), VERBS.agendaItemSave, {
      ...save,
      title: 'Kinderbetreuung für Azubis',
      presenter: 'Jobcenter',
      minutes: '200',
      kind: 'decision',
    });
    assert.match(cardText(long), /Tagesordnungspunkt gespeichert/);
    assert.match(cardText(long), /länger als die Sitzung[^]*mehr als drei Stunden/);
    assert.match(cardText(long), /Kinderbetreuung für Azubis/);
  });

  it('publishes with the invitations and to the working group, asks before a late one, and marks a new version', async () => {
    const form = await decisionForm();
    await bot.execute(person('katrin'), VERBS.topicDecide, {
      ...actionData(form, VERBS.topicDecide, { decision: 'accept' }),
      minutes: '20',
      kind: 'discussion',
    });
    // Topics may still come until 21 January, and the invitations would lack place and link: it asks first.
    const asked = firstCard(await bot.message(person('katrin'), 'tagesordnung veröffentlichen'));
    assert.match(
      cardText(asked),
      /Themen können noch bis Donnerstag, 21\. Januar 2027, 24:00 Uhr angemeldet werden[^]*Ort und Online-Link fehlen/,
    );
    assert.equal((await drafts('invite:')).length, 0, 'nothing sent before the confirmation');
    const published = cardText(
      await bot.execute(person('katrin'), VERBS.agendaPublish, actionData(asked, VERBS.agendaPublish)),
    );
    assert.match(published, /Fassung 1 der Tagesordnung für 2027\/1 ist zum Versand vorgemerkt/);
    assert.equal((await world.session()).state, 'invited');
    const invitations = await drafts('invite:');
    assert.equal(invitations.length, 3);
    assert.match(rendered(invitations[0]!), /TOP 2[^]*Ausbildungsabbrüche/);
    const [toWorkingGroup] = await drafts('agenda:session-2027-1:v1');
    assert.deepEqual(toWorkingGroup?.recipient, { kind: 'person', aadObjectId: PEOPLE.lena });
    assert.match(rendered(toWorkingGroup!), /Tagesordnung – Sitzung 2027\/1 \(Fassung 1\)[^]*Ausbildungsabbrüche/);
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'tagesordnung veröffentlichen'))),
      /Seit Fassung 1 hat sich nichts geändert/,
    );

    await bot.message(person('birgit'), 'thema: Kinderbetreuung');
    const second = await decisionForm();
    await bot.execute(person('katrin'), VERBS.topicDecide, {
      ...actionData(second, VERBS.topicDecide, { decision: 'accept' }),
      minutes: '15',
      kind: 'information',
    });
    world.clock.advance(Date.parse('2027-01-29T09:00:00Z') - world.clock.now().toMillis());
    const confirm = firstCard(await bot.message(person('katrin'), 'tagesordnung veröffentlichen'));
    assert.match(
      cardText(confirm),
      /Tagesordnung für die Sitzung 2027\/1 jetzt versenden\?[^]*sollte bis Donnerstag, 28\. Januar 2027, 09:00 Uhr versandt sein/,
    );
    assert.equal((await drafts('agenda:session-2027-1:v2')).length, 0, 'nothing sent before the confirmation');
    const done = await bot.execute(person('katrin'), VERBS.agendaPublish, actionData(confirm, VERBS.agendaPublish));
    assert.match(cardText(done), /Fassung 2 der Tagesordnung/);
    const changed = await drafts('agenda:session-2027-1:v2');
    const toBirgit = changed.find(
      (draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === PEOPLE.birgit,
    )!;
    assert.match(
      rendered(toBirgit),
      /Die Tagesordnung wurde geändert[^]*Tagesordnung \(Fassung 2\)[^]*Kinderbetreuung \(15 Min\. · Information\) \*\*neu\*\*/,
    );
  });
});
