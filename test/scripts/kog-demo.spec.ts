import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  DEMO_BOT,
  DEMO_PERSON_OUTSIDE_THE_TEAM,
  DEMO_TEAM,
  DEMO_TENANT_ID,
  DEMO_WORKING_GROUP_CHANNEL,
  kogDemo,
  kogDemoLanguages,
} from '../../scripts/demo/kog-demo';
import { DEMO_GROUP_CHAT, sgiDemo } from '../../scripts/demo/sgi-demo';

interface PlaygroundUser {
  readonly name: string;
  readonly aadObjectId: string;
  readonly email: string;
}

interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUser;
  readonly users: readonly PlaygroundUser[];
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly channels: ReadonlyArray<{ id: string; name: string }>;
  };
  readonly groupChat: { readonly id: string; readonly name: string };
}

const playground = parse(
  readFileSync(path.resolve(__dirname, '../../.m365agentsplayground.yml'), 'utf8'),
) as PlaygroundConfig;
const demo = kogDemo('http://localhost:56150/_connector');

describe('scripts/demo/kog-demo', () => {
  it('has the playground users as its people, with the same names and object ids, and one person outside Teams', () => {
    const users = [playground.currentUser, ...playground.users]
      .map((user) => `${user.name} ${user.aadObjectId}`)
      .sort();
    const outside = `${DEMO_PERSON_OUTSIDE_THE_TEAM.displayName} ${DEMO_PERSON_OUTSIDE_THE_TEAM.aadObjectId}`;
    const people = demo.people.map((person) => `${person.displayName} ${person.aadObjectId}`).sort();
    assert.deepEqual(
      people.filter((person) => person !== outside),
      users,
    );
    assert.ok(people.includes(outside), 'the person Gremium cannot reach is on the roster');
    assert.ok(!users.some((user) => user.endsWith(DEMO_PERSON_OUTSIDE_THE_TEAM.aadObjectId)), 'and not in Teams');
  });

  it("gives each playground user the playground's e-mail address, for Outlook invitations", () => {
    const users = [playground.currentUser, ...playground.users];
    for (const seed of [demo, sgiDemo()])
      for (const person of seed.people) {
        const user = users.find((candidate) => candidate.aadObjectId === person.aadObjectId);
        assert.equal(person.email, user?.email, person.displayName);
      }
  });

  it("makes the playground's current user the secretariat", () => {
    const secretariat = demo.people.filter((person) => person.roles.includes('secretariat'));
    assert.deepEqual(
      secretariat.map((person) => person.aadObjectId),
      [playground.currentUser.aadObjectId],
    );
  });

  it('has seats with members and a deputy, and the working group, among its people', () => {
    const ids = new Set(demo.people.map((person) => person.aadObjectId));
    for (const seat of demo.seats) {
      assert.ok(ids.has(seat.memberId), seat.institution);
      if (seat.deputyId) assert.ok(ids.has(seat.deputyId), seat.institution);
    }
    assert.ok(demo.seats.some((seat) => seat.deputyId));
    assert.ok(demo.people.some((person) => person.roles.includes('workingGroup')));
  });

  it("uses the playground's tenant, bot, and a channel of its team for the working group", () => {
    assert.equal(DEMO_TENANT_ID, playground.tenantId);
    assert.deepEqual(DEMO_BOT, playground.bot);
    assert.equal(DEMO_TEAM.id, playground.team.id);
    assert.equal(DEMO_TEAM.name, playground.team.name);
    assert.deepEqual(playground.team.channels, [DEMO_WORKING_GROUP_CHANNEL]);
    assert.equal(demo.workingGroup?.address.conversationId, DEMO_WORKING_GROUP_CHANNEL.id);
  });

  it('chooses German for every demo person, whom the playground reports as en-US', () => {
    const languages = kogDemoLanguages();
    assert.equal(languages.tenantId, playground.tenantId);
    assert.deepEqual(
      languages.choices.map((choice) => `${choice.aadObjectId} ${choice.language}`).sort(),
      [...playground.users, playground.currentUser, DEMO_PERSON_OUTSIDE_THE_TEAM]
        .map((user) => `${user.aadObjectId} de`)
        .sort(),
    );
  });

  describe('with the Steuerungsgruppe Integration beside it', () => {
    const sgi = sgiDemo();

    it('lives in the playground’s group chat, renamed after it', () => {
      assert.deepEqual(playground.groupChat, DEMO_GROUP_CHAT);
      assert.deepEqual(sgi.home, { kind: 'groupChat', id: DEMO_GROUP_CHAT.id, title: 'Steuerungsgruppe Integration' });
      assert.equal(sgi.tenantId, playground.tenantId);
      assert.equal(sgi.settings.shortName, 'SGI');
    });

    it('shares people with the KOG: Katrin Albers runs both secretariats, Sabine Hoffmann is a member of both', () => {
      const roles = (seed: typeof sgi, name: string) =>
        seed.people.find((person) => person.displayName === name)?.roles ?? [];
      assert.deepEqual([roles(demo, 'Katrin Albers'), roles(sgi, 'Katrin Albers')], [['secretariat'], ['secretariat']]);
      assert.deepEqual([roles(demo, 'Sabine Hoffmann'), roles(sgi, 'Sabine Hoffmann')], [['member'], ['member']]);
      const users = new Set([playground.currentUser, ...playground.users].map((user) => user.aadObjectId));
      for (const person of sgi.people) assert.ok(users.has(person.aadObjectId), person.displayName);
      const ids = new Set(sgi.people.map((person) => person.aadObjectId));
      for (const seat of sgi.seats) assert.ok(ids.has(seat.memberId), seat.institution);
    });
  });
});
