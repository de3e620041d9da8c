import assert from 'node:assert/strict';
import type { SessionDocument } from '../../src/app/sessions/session-document';
import { VERBS } from '../../src/cards/verbs';
import { NO_REPORT_SESSION } from '../../src/cards/working-group-form-card';
import { AG3_FORM, storedGroups } from '../app/working-groups/working-group-fixtures';
import { chatPerson, PEOPLE, useSessionWorld } from '../app/sessions/session-world';
import { actionData, base, BotHarness, cardText, firstCard } from '../support/bot-harness';

const person = chatPerson;
const katrin = person('katrin');

describe('bot: temporary working groups in chat', () => {
  const fixture = useSessionWorld();
  let bot: BotHarness;
  beforeEach(() => {
    bot = new BotHarness(fixture.world.deps);
  });

  /** The new-group form, reached the way the secretariat reaches it: command, then button. */
  async function newForm(): Promise<Record<string, unknown>> {
    const list = firstCard(await bot.message(katrin, 'arbeitsgruppen'));
    return bot.execute(katrin, VERBS.workingGroupForm, actionData(list, VERBS.workingGroupForm));
  }

  /** Registers AG 3 through the cards and returns the list that answers. */
  async function registerAg3(): Promise<Record<string, unknown>> {
    const form = await newForm();
    return bot.execute(katrin, VERBS.workingGroupSave, { ...actionData(form, VERBS.workingGroupSave), ...AG3_FORM });
  }

  it('lets the secretariat register a group by German command and shows it on the list', async () => {
    const empty = firstCard(await bot.message(katrin, 'Arbeitsgruppen'));
    assert.match(cardText(empty), /Temporäre Arbeitsgruppen[^]*noch keine temporären Arbeitsgruppen erfasst/);
    const form = await bot.execute(katrin, VERBS.workingGroupForm, actionData(empty, VERBS.workingGroupForm));
    assert.match(
      cardText(form),
      /Neue temporäre Arbeitsgruppe[^]*Noch keine Sitzung vorsehen\nnone\nSitzung 2027\/1, 11\.02\.2027\nsession-2027-1\nSitzung 2027\/2, 10\.06\.2027/,
    );
    const save = actionData(form, VERBS.workingGroupSave);
    assert.match(String(save.formId), /^[0-9a-f-]{36}$/);

    const list = await bot.execute(katrin, VERBS.workingGroupSave, { ...save, ...AG3_FORM });
    assert.match(
      cardText(list),
      /„AG 3 Fachkräfteeinwanderungsgesetz“ angelegt\nDer Bericht der Arbeitsgruppe kommt auf die Tagesordnung der Sitzung 2027\/2\./,
    );
    assert.match(
      cardText(list),
      /AG 3 Fachkräfteeinwanderungsgesetz\naktiv\nLaufzeit\n15\.01\.2027 bis 30\.06\.2027 \(geplant\)\nBericht\nSitzung 2027\/2/,
    );
    const [stored] = await storedGroups(fixture.world.store);
    assert.equal(stored?.id, `workinggroup-${String(save.formId)}`);
    assert.equal(stored?.updatedBy, PEOPLE.katrin, 'the actor comes from the activity');
    assert.match(
      cardText(firstCard(await bot.message(katrin, 'arbeitsgruppen'))),
      /AG 3 Fachkräfteeinwanderungsgesetz/,
    );
  });

  it('answers the English command from an English client in English', async () => {
    const list = firstCard(await bot.message(katrin, 'working groups', { locale: 'en-US' }));
    assert.match(cardText(list), /Temporary working groups[^]*No temporary working groups are recorded yet/);
    const form = await bot.execute(katrin, VERBS.workingGroupForm, actionData(list, VERBS.workingGroupForm), {
      locale: 'en-US',
    });
    assert.match(
      cardText(form),
      /New temporary working group[^]*No session yet\nnone\nSession 2027\/1, 11 February 2027/,
    );
  });

  it('saves through the Action.Submit fallback of older clients too', async () => {
    const save = actionData(await newForm(), VERBS.workingGroupSave);
    const replies = await bot.send({
      ...base(katrin),
      type: 'message',
      value: { ...save, ...AG3_FORM, reportSessionId: NO_REPORT_SESSION },
    });
    assert.match(
      cardText(firstCard(replies)),
      /„AG 3 Fachkräfteeinwanderungsgesetz“ angelegt[^]*Bericht\nnoch keine Sitzung vorgesehen/,
    );
    assert.equal((await storedGroups(fixture.world.store))[0]?.reportSessionId, undefined);
  });

  it('creates one group when the same new form is saved twice, and then just shows it', async () => {
    const save = actionData(await newForm(), VERBS.workingGroupSave);
    await bot.execute(katrin, VERBS.workingGroupSave, { ...save, ...AG3_FORM });
    const again = await bot.execute(katrin, VERBS.workingGroupSave, { ...save, ...AG3_FORM, name: 'Doppelt' });
    assert.match(cardText(again), /„AG 3 Fachkräfteeinwanderungsgesetz“ war bereits angelegt/);
    assert.deepEqual(
      (await storedGroups(fixture.world.store)).map((group) => group.name),
      [AG3_FORM.name],
    );
  });

  it('refuses a member who types the command, opens the form or posts a save; nothing is stored', async () => {
    const save = actionData(await newForm(), VERBS.workingGroupSave);
    const birgit = person('birgit');
    assert.match(
      cardText(firstCard(await bot.message(birgit, 'arbeitsgruppen'))),
      /Nur die Geschäftsstelle kann temporäre Arbeitsgruppen verwalten/,
    );
    assert.match(
      cardText(await bot.execute(birgit, VERBS.workingGroupForm, { verb: VERBS.workingGroupForm })),
      /Nur die Geschäftsstelle/,
    );
    assert.match(
      cardText(await bot.execute(birgit, VERBS.workingGroupSave, { ...save, ...AG3_FORM })),
      /Nur die Geschäftsstelle/,
    );
    assert.match(
      cardText(firstCard(await bot.send({ ...base(birgit), type: 'message', value: { ...save, ...AG3_FORM } }))),
      /Nur die Geschäftsstelle/,
    );
    assert.deepEqual(await storedGroups(fixture.world.store), []);
  });

  it('refuses a member who posts an end, and changes nothing', async () => {
    await registerAg3();
    const [group] = await storedGroups(fixture.world.store);
    const end = { verb: VERBS.workingGroupEnd, groupId: group!.id, revision: 1, confirmed: true };
    assert.match(cardText(await bot.execute(person('sabine'), VERBS.workingGroupEnd, end)), /Nur die Geschäftsstelle/);
    assert.deepEqual(await storedGroups(fixture.world.store), [group]);
  });

  it('shows the problems on the form with what was typed, and stores nothing', async () => {
    const save = actionData(await newForm(), VERBS.workingGroupSave);
    const name = `AG ${'N'.repeat(117)}`;
    const problems = await bot.execute(katrin, VERBS.workingGroupSave, {
      ...save,
      ...AG3_FORM,
      name: `${name}X`,
      mandate: 'M'.repeat(2001),
      plannedEndOn: '2027-01-14',
    });
    assert.match(
      cardText(problems),
      /Bitte prüfen Sie Ihre Angaben\nEs wurde nichts gespeichert\.\n• Name: Höchstens 120 Zeichen\.\n• Auftrag: Höchstens 2000 Zeichen\.\n• Geplantes Ende: Es darf nicht vor dem Beginn liegen\./,
    );
    assert.ok(JSON.stringify(problems).includes(`"value":"${name}X"`), 'the typed name is kept whole, not cut');
    assert.ok(JSON.stringify(problems).includes(`"value":"${'M'.repeat(2001)}"`), 'the typed mandate is kept whole');
    assert.ok(JSON.stringify(problems).includes(`"value":"${AG3_FORM.members}"`), 'the typed members are kept');
    assert.deepEqual(
      actionData(problems, VERBS.workingGroupSave),
      save,
      'the same form, so its next save is still one group',
    );
    assert.deepEqual(await storedGroups(fixture.world.store), []);
  });

  it('refuses tampered data and stores nothing', async () => {
    const save = actionData(await newForm(), VERBS.workingGroupSave);
    const huge = 'x'.repeat(100_000);
    const tampered: Array<[Record<string, unknown>, RegExp]> = [
      [
        { ...save, ...AG3_FORM, name: { toString: 'x' }, mandate: ['a'], members: 5 },
        /Name: Diese Angabe ist ungültig[^]*Auftrag: Diese Angabe ist ungültig[^]*Mitglieder: Diese Angabe ist ungültig/,
      ],
      [
        { ...save, ...AG3_FORM, name: huge, mandate: huge, members: huge, startsOn: huge },
        /Name: Höchstens 120 Zeichen[^]*Beginn: Bitte ein gültiges Datum angeben/,
      ],
      [
        { ...save, ...AG3_FORM, reportSessionId: 'session-2099-9' },
        /Bericht in der Sitzung: Diese Sitzung steht nicht \(mehr\) zur Auswahl/,
      ],
      [
        { ...save, ...AG3_FORM, reportSessionId: { id: 'session-2027-1' } },
        /Bericht in der Sitzung: Diese Angabe ist ungültig/,
      ],
      [{ ...save, ...AG3_FORM, formId: '../x' }, /Dieses Formular kennt Gremium nicht/],
      [{ ...save, ...AG3_FORM, formId: 12 }, /Dieses Formular kennt Gremium nicht/],
      [{ ...save, ...AG3_FORM, groupId: 'workinggroup-made-up', revision: 1 }, /Diese Arbeitsgruppe gibt es nicht/],
    ];
    for (const [data, expected] of tampered) {
      const card = await bot.execute(katrin, VERBS.workingGroupSave, data);
      assert.match(cardText(card), expected);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28 * 1024, 'nothing oversized comes back');
    }
    assert.deepEqual(await storedGroups(fixture.world.store), []);
  });

  it('refuses a session of another committee, unknown to this one', async () => {
    const { _etag, ...session } = await fixture.world.session();
    await fixture.world.store.create<SessionDocument>({
      ...session,
      committeeId: 'tenant-someone-else',
      id: 'session-2031-1',
      number: '2031/1',
    });
    const save = actionData(await newForm(), VERBS.workingGroupSave);
    assert.match(
      cardText(
        await bot.execute(katrin, VERBS.workingGroupSave, { ...save, ...AG3_FORM, reportSessionId: 'session-2031-1' }),
      ),
      /Diese Sitzung steht nicht \(mehr\) zur Auswahl/,
    );
    assert.deepEqual(await storedGroups(fixture.world.store), []);
  });

  it('edits a group over the revision its form showed, and refuses an outdated form', async () => {
    const list = await registerAg3();
    const form = await bot.execute(
      katrin,
      VERBS.workingGroupForm,
      actionData(list, VERBS.workingGroupForm, { groupId: (await storedGroups(fixture.world.store))[0]!.id }),
    );
    assert.match(cardText(form), /„AG 3 Fachkräfteeinwanderungsgesetz“ bearbeiten/);
    const save = actionData(form, VERBS.workingGroupSave);
    const saved = await bot.execute(katrin, VERBS.workingGroupSave, {
      ...save,
      ...AG3_FORM,
      members: 'Jobcenter Leipzig',
    });
    assert.match(cardText(saved), /„AG 3 Fachkräfteeinwanderungsgesetz“ gespeichert[^]*Mitglieder\nJobcenter Leipzig/);
    const before = await storedGroups(fixture.world.store);
    const stale = await bot.execute(katrin, VERBS.workingGroupSave, { ...save, ...AG3_FORM, members: 'Veraltet' });
    assert.match(cardText(stale), /Diese Karte ist nicht mehr aktuell\nInzwischen wurde die Arbeitsgruppe geändert/);
    assert.deepEqual(await storedGroups(fixture.world.store), before);
  });

  it('asks once before ending a group, then keeps it on the list as ended', async () => {
    const list = await registerAg3();
    const ask = await bot.execute(katrin, VERBS.workingGroupEnd, actionData(list, VERBS.workingGroupEnd));
    assert.match(cardText(ask), /„AG 3 Fachkräfteeinwanderungsgesetz“ wirklich beenden\?/);
    assert.equal((await storedGroups(fixture.world.store))[0]?.state, 'active', 'asking changes nothing');
    const kept = await bot.execute(katrin, VERBS.workingGroupsOpen, actionData(ask, VERBS.workingGroupsOpen));
    assert.doesNotMatch(cardText(kept), /wirklich beenden/);

    const confirm = actionData(ask, VERBS.workingGroupEnd, { confirmed: true });
    const done = await bot.execute(katrin, VERBS.workingGroupEnd, confirm);
    assert.match(
      cardText(done),
      /„AG 3 Fachkräfteeinwanderungsgesetz“ beendet\nDie Arbeitsgruppe bleibt in der Liste\.[^]*AG 3 Fachkräfteeinwanderungsgesetz\nbeendet\nLaufzeit[^]*Beendet am\n21\.11\.2026/,
    );
    const [ended] = await storedGroups(fixture.world.store);
    assert.equal(ended?.state, 'ended');
    assert.match(cardText(await bot.execute(katrin, VERBS.workingGroupEnd, confirm)), /war bereits beendet/);
    assert.deepEqual(await storedGroups(fixture.world.store), [ended], 'ending twice changes nothing');

    assert.match(
      cardText(firstCard(await bot.message(katrin, 'arbeitsgruppen'))),
      /AG 3 Fachkräfteeinwanderungsgesetz\nbeendet/,
    );
    assert.match(
      cardText(await bot.execute(katrin, VERBS.workingGroupForm, { verb: VERBS.workingGroupForm, groupId: ended!.id })),
      /ist beendet und bleibt unverändert in der Liste/,
    );
    assert.match(
      cardText(
        await bot.execute(katrin, VERBS.workingGroupSave, {
          verb: VERBS.workingGroupSave,
          groupId: ended!.id,
          revision: 2,
          ...AG3_FORM,
          name: 'Neu',
        }),
      ),
      /ist beendet/,
    );
    assert.deepEqual(await storedGroups(fixture.world.store), [ended]);
  });
});
