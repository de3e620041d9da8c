import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { AppDependencies } from '../../src/app/dependencies';
import type { PersonDocument } from '../../src/app/documents';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { personIdForEmail } from '../../src/app/roster/person-without-teams-id';
import { seedCommittee } from '../../src/app/seed-committee';
import { VERBS } from '../../src/cards/verbs';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../src/domain/committee';
import { translator } from '../../src/i18n/translator';
import type { DataExportDocument } from '../../src/app/privacy/data-export-document';
import { dataExportFile } from '../../src/app/privacy/export-personal-data';
import { personDocumentId, tenantDirectoryId } from '../../src/domain/ids';
import { actionData, alice, bob, BotHarness, cardText, hasAction, TENANT } from '../support/bot-harness';
import { useTempStore, type TempStore } from '../support/temp-store';

const TEAM = { id: '19:kog-team@thread.tacv2', name: 'KOG' };
const COMMITTEE = committeeIdForHome(TENANT, TEAM);
const inTeam: Partial<Activity> = {
  conversation: {
    id: `${TEAM.id};messageid=1`,
    conversationType: 'channel',
    tenantId: TENANT,
    isGroup: true,
    name: '',
  },
  channelData: { tenant: { id: TENANT }, team: TEAM, channel: { id: TEAM.id, name: 'Allgemein' } },
};
const PETRA = {
  displayName: 'Petra Albrecht',
  institution: 'Landkreis Leipzig',
  email: 'petra.albrecht@lk-leipzig.de',
};
const PETRA_ID = personIdForEmail(PETRA.email);

/** Visible text without the markdown escapes a reader never sees. */
const read = (card: Record<string, unknown>) => cardText(card).replace(/\\/g, '');

/** A card's input value by id. */
function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  JSON.stringify(card, (_key, value: unknown) => {
    const input = value as { id?: unknown; value?: unknown } | null;
    if (found === undefined && input && input.id === id && 'value' in input) found = input.value;
    return value;
  });
  return found;
}

describe('bot/roster: a person without Teams', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  let bot: BotHarness;
  beforeEach(async () => {
    ({ temp, deps } = fixture);
    bot = new BotHarness(deps);
    await seedCommittee(deps, {
      tenantId: TENANT,
      home: { kind: 'team', id: TEAM.id, title: TEAM.name },
      settings: DEFAULT_COMMITTEE_SETTINGS,
      people: [
        { aadObjectId: alice.aadObjectId, displayName: alice.name, roles: ['secretariat'], active: true },
        { aadObjectId: bob.aadObjectId, displayName: bob.name, roles: ['member'], active: true },
      ],
      seats: [{ key: 'jobcenter', institution: 'Jobcenter Leipzig', memberId: bob.aadObjectId }],
    });
  });
  const petra = () => temp.store.get<PersonDocument>(COMMITTEE, personDocumentId(PETRA_ID));
  const snapshot = async () =>
    JSON.stringify(
      (await Promise.all(['person', 'seat', 'roster'].map((type) => temp.store.query(COMMITTEE, { type })))).map(
        (documents) => documents.map(({ _etag, ...document }) => document).sort((a, b) => a.id.localeCompare(b.id)),
      ),
    );

  it('is added from the roster card’s form and shown marked „ohne Teams“ with her address', async () => {
    const overview = await bot.execute(alice, VERBS.rosterOpen, {}, inTeam);
    assert.ok(read(overview).includes('Person ohne Teams hinzufügen'));
    const form = await bot.execute(
      alice,
      VERBS.rosterWithoutTeamsForm,
      actionData(overview, VERBS.rosterWithoutTeamsForm),
      inTeam,
    );
    assert.ok(read(form).includes('E-Mail-Adresse'));
    const save = actionData(form, VERBS.rosterAddWithoutTeams);
    const after = await bot.execute(alice, VERBS.rosterAddWithoutTeams, { ...save, ...PETRA }, inTeam);
    const text = read(after);
    assert.ok(text.includes('Petra Albrecht ist jetzt als Person ohne Teams im Gremium'), text);
    // The banner names both ways to a seat, a new one too: the new person often brings a new institution.
    assert.ok(text.includes('mit „Sitz hinzufügen“ (neuer Sitz) oder „Sitz bearbeiten“'), text);
    assert.ok(text.includes('Ohne Teams'), text);
    assert.ok(text.includes('Petra Albrecht (petra.albrecht@lk-leipzig.de)'), text);
    assert.equal((await petra())?.withoutTeams, true);

    const card = await bot.execute(alice, VERBS.rosterEditPerson, { personId: PETRA_ID }, inTeam);
    const person = read(card);
    assert.ok(person.includes('Petra Albrecht (ohne Teams)'), person);
    assert.ok(person.includes('ohne Teams: ohne Outlook-Anbindung nicht erreichbar'), person);
    assert.equal(inputValue(card, 'email'), 'petra.albrecht@lk-leipzig.de');
    assert.ok(hasAction(card, VERBS.rosterSaveEmail, { personId: PETRA_ID }));
    const bobsCard = await bot.execute(alice, VERBS.rosterEditPerson, { personId: bob.aadObjectId }, inTeam);
    assert.ok(!hasAction(bobsCard, VERBS.rosterSaveEmail), 'a Teams member’s address comes from Teams');

    const seatForm = await bot.execute(alice, VERBS.rosterNewSeat, {}, inTeam);
    assert.ok(read(seatForm).includes('Petra Albrecht (ohne Teams)'), 'she can be chosen for a seat');
  });

  it('keeps what was typed and changes nothing when the address is refused', async () => {
    const form = await bot.execute(alice, VERBS.rosterWithoutTeamsForm, {}, inTeam);
    const before = await snapshot();
    const refused = await bot.execute(
      alice,
      VERBS.rosterAddWithoutTeams,
      { ...actionData(form, VERBS.rosterAddWithoutTeams), ...PETRA, email: 'petra.albrecht@lk-leipzig' },
      inTeam,
    );
    const text = read(refused);
    assert.ok(
      text.includes('E-Mail-Adresse: Bitte genau eine E-Mail-Adresse der Form name@beispiel.de angeben.'),
      text,
    );
    assert.equal(inputValue(refused, 'displayName'), 'Petra Albrecht');
    assert.equal(inputValue(refused, 'institution'), 'Landkreis Leipzig');
    assert.equal(inputValue(refused, 'email'), 'petra.albrecht@lk-leipzig');
    assert.equal(await snapshot(), before);
  });

  it('answers a form older than the roster as outdated, and refuses a member', async () => {
    const form = await bot.execute(alice, VERBS.rosterWithoutTeamsForm, {}, inTeam);
    const save = actionData(form, VERBS.rosterAddWithoutTeams);
    const added = await bot.execute(alice, VERBS.rosterAddWithoutTeams, { ...save, ...PETRA }, inTeam);
    assert.ok(read(added).includes('als Person ohne Teams im Gremium'), read(added));
    const before = await snapshot();
    const stale = await bot.execute(
      alice,
      VERBS.rosterAddWithoutTeams,
      { ...save, ...PETRA, email: 'p2@lk-leipzig.de', displayName: 'Paul Albrecht' },
      inTeam,
    );
    assert.ok(read(stale).includes('Diese Karte ist nicht mehr aktuell'), read(stale));
    const byMember = await bot.execute(bob, VERBS.rosterAddWithoutTeams, { ...save, ...PETRA, revision: 1 }, inTeam);
    assert.ok(read(byMember).includes(translator('de').t('notices.notAllowedSecretariat')), read(byMember));
    assert.equal(await snapshot(), before);
  });

  it('saves a changed address from her card, and shows a refused one again', async () => {
    const form = await bot.execute(alice, VERBS.rosterWithoutTeamsForm, {}, inTeam);
    await bot.execute(
      alice,
      VERBS.rosterAddWithoutTeams,
      { ...actionData(form, VERBS.rosterAddWithoutTeams), ...PETRA },
      inTeam,
    );
    const card = await bot.execute(alice, VERBS.rosterEditPerson, { personId: PETRA_ID }, inTeam);
    const save = actionData(card, VERBS.rosterSaveEmail);
    const refused = await bot.execute(alice, VERBS.rosterSaveEmail, { ...save, email: 'a@b.de, c@d.de' }, inTeam);
    assert.ok(read(refused).includes('Bitte nur eine E-Mail-Adresse angeben'), read(refused));
    assert.equal(inputValue(refused, 'email'), 'a@b.de, c@d.de');
    assert.equal((await petra())?.email, PETRA.email);
    const saved = await bot.execute(
      alice,
      VERBS.rosterSaveEmail,
      { ...save, email: 'p.albrecht@landkreis.example' },
      inTeam,
    );
    assert.ok(read(saved).includes('E-Mail-Adresse von Petra Albrecht gespeichert.'), read(saved));
    assert.equal((await petra())?.email, 'p.albrecht@landkreis.example');
  });

  it('says truthfully what reaches her: nothing without Outlook, the queued e-mail with it', async () => {
    const add = async (harness: BotHarness, fields: typeof PETRA) => {
      const form = await harness.execute(alice, VERBS.rosterWithoutTeamsForm, {}, inTeam);
      return read(
        await harness.execute(
          alice,
          VERBS.rosterAddWithoutTeams,
          { ...actionData(form, VERBS.rosterAddWithoutTeams), ...fields },
          inTeam,
        ),
      );
    };
    const without = await add(bot, PETRA);
    assert.ok(
      without.includes(
        'Gremium ist nicht an Outlook angebunden: Petra Albrecht erhält weder E-Mails noch Outlook-Einladungen, ' +
          'bis ein Postfach der Geschäftsstelle eingerichtet ist.',
      ),
      without,
    );
    assert.ok(!without.includes('zum Versand vorgemerkt'), without);

    const withOutlook = new BotHarness({ ...deps, organiserMailbox: 'gremien@kog.example' });
    const jan = { displayName: 'Jan Vogt', institution: 'Stadt Leipzig', email: 'jan.vogt@leipzig.example' };
    const added = await add(withOutlook, jan);
    assert.ok(
      added.includes('Die E-Mail mit der persönlichen Kalenderadresse an Jan Vogt ist zum Versand vorgemerkt'),
      added,
    );
    assert.ok(!added.includes('nicht an Outlook angebunden'), added);
    const card = await withOutlook.execute(
      alice,
      VERBS.rosterEditPerson,
      { personId: personIdForEmail(jan.email) },
      inTeam,
    );
    const saved = read(
      await withOutlook.execute(
        alice,
        VERBS.rosterSaveEmail,
        { ...actionData(card, VERBS.rosterSaveEmail), email: 'j.vogt@leipzig.example' },
        inTeam,
      ),
    );
    assert.ok(
      saved.includes('neuen persönlichen Kalenderadresse ist an die neue Adresse zum Versand vorgemerkt'),
      saved,
    );
  });

  it('gives the secretariat her data export in the personal chat only, with her address', async () => {
    const form = await bot.execute(alice, VERBS.rosterWithoutTeamsForm, {}, inTeam);
    await bot.execute(
      alice,
      VERBS.rosterAddWithoutTeams,
      { ...actionData(form, VERBS.rosterAddWithoutTeams), ...PETRA },
      inTeam,
    );
    const withLinks = new BotHarness(deps, undefined, 'https://gremium.example.org');
    const exports = () =>
      temp.store.query<DataExportDocument>(tenantDirectoryId(TENANT), {
        type: 'dataExport',
        where: [{ field: 'personId', op: '=', value: PETRA_ID }],
      });
    const card = await withLinks.execute(alice, VERBS.rosterEditPerson, { personId: PETRA_ID }, inTeam);
    const data = actionData(card, VERBS.personExport);
    const inChannel = await withLinks.execute(alice, VERBS.personExport, data, inTeam);
    assert.ok(read(inChannel).includes('nur im persönlichen Chat'), read(inChannel));
    assert.deepEqual(await exports(), [], 'nothing is made where others read along');

    const personal = await withLinks.execute(alice, VERBS.personExport, data);
    assert.ok(read(personal).includes('Daten von Petra Albrecht'), read(personal));
    const [, directory, token] = /https:\/\/gremium\.example\.org\/api\/export\/([^/]+)\/([\w-]+)\.json/.exec(
      JSON.stringify(personal),
    )!;
    const [stored] = await exports();
    assert.deepEqual(
      [stored?.askedInCommitteeId, stored?.content],
      [COMMITTEE, undefined],
      'the request names where it was made, and holds no copy of her data',
    );
    const file = await dataExportFile(deps, decodeURIComponent(directory!), token!);
    assert.ok(file?.content.includes('petra.albrecht@lk-leipzig.de'), file?.content.slice(0, 500));
    const forBob = await withLinks.execute(alice, VERBS.personExport, { personId: bob.aadObjectId });
    assert.ok(read(forBob).includes('meine daten'), read(forBob));
  });
});
