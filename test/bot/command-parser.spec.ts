import assert from 'node:assert/strict';
import { parseCommand, parseOverlongCommand } from '../../src/bot/command-parser';

describe('parseCommand', () => {
  it('reads single words in both languages, whatever the case and punctuation', () => {
    assert.deepEqual(parseCommand(' Hilfe! '), { command: 'help', argument: '' });
    assert.deepEqual(parseCommand('/setup'), { command: 'setup', argument: '' });
    assert.deepEqual(parseCommand('Rückmeldungen'), { command: 'rsvps', argument: '' });
  });

  it('reads the clearer words and still the words the commands were once called by', () => {
    assert.deepEqual(parseCommand('Themenaufruf 2027/1'), { command: 'callForTopics', argument: '2027/1' });
    assert.deepEqual(parseCommand('themen aufrufen 2027/1'), { command: 'callForTopics', argument: '2027/1' });
    assert.deepEqual(parseCommand('themen 2027/1'), { command: 'topics', argument: '2027/1' });
    assert.deepEqual(parseCommand('rückmeldungen 2027/1'), { command: 'rsvps', argument: '2027/1' });
    assert.deepEqual(parseCommand('ZUSAGEN'), { command: 'rsvps', argument: '' });
    assert.deepEqual(parseCommand('änderungen 2027/1'), { command: 'audit', argument: '2027/1' });
    assert.deepEqual(parseCommand('protokollierung 2027/1'), { command: 'audit', argument: '2027/1' });
    assert.deepEqual(parseCommand('protokoll 2027/1'), { command: 'minutes', argument: '2027/1' });
  });

  it('reads two-word commands and their argument', () => {
    assert.deepEqual(parseCommand('Sitzungen planen 2027'), { command: 'planSessions', argument: '2027' });
    assert.deepEqual(parseCommand('plan  sessions   2028'), { command: 'planSessions', argument: '2028' });
    assert.deepEqual(parseCommand('sondersitzung 20.05.2027'), { command: 'extraSession', argument: '20.05.2027' });
    assert.deepEqual(parseCommand('sondersitzung 2027-05-20'), { command: 'extraSession', argument: '2027-05-20' });
    assert.deepEqual(parseCommand('extra session'), { command: 'extraSession', argument: '' });
    assert.deepEqual(parseCommand('einladen 2027/1'), { command: 'invite', argument: '2027/1' });
  });

  it('ignores the markup Teams wraps around a line', () => {
    assert.deepEqual(parseCommand('<p>sitzungen&nbsp;planen 2027</p>'), { command: 'planSessions', argument: '2027' });
  });

  it('refuses text after a command that takes none, and overlong arguments', () => {
    assert.equal(parseCommand('hilfe mir bitte'), undefined);
    assert.equal(parseCommand('einrichten jetzt'), undefined);
    assert.equal(parseCommand(`einladen ${'x'.repeat(41)}`), undefined);
    assert.equal(parseCommand('hilfen'), undefined);
    assert.equal(parseCommand('sitzung'), undefined);
  });

  it('reads the list of sessions with and without a year, and still plans a year by the longer word', () => {
    assert.deepEqual(parseCommand('sitzungen'), { command: 'sessions', argument: '' });
    assert.deepEqual(parseCommand('Sitzungen 2027'), { command: 'sessions', argument: '2027' });
    assert.deepEqual(parseCommand('sessions 2028'), { command: 'sessions', argument: '2028' });
    assert.deepEqual(parseCommand('sitzungen planen 2027'), { command: 'planSessions', argument: '2027' });
  });
});

describe('parseOverlongCommand', () => {
  it('finds a command typed with a longer text than it reads, keeping the text as written', () => {
    const name = 'Sabine Hoffmann-Schulze, Agentur für Arbeit Leipzig\nGeschäftsbereich Arbeitsmarkt';
    assert.deepEqual(parseOverlongCommand(`Änderungen ${name} ${name} ${name}`), {
      command: 'audit',
      word: 'änderungen',
      argument: `${name} ${name} ${name}`,
      max: 200,
    });
    assert.deepEqual(
      parseOverlongCommand(`<at>Gremium</at> Sitzungen  planen ${'2028 '.repeat(10)}`)?.argument,
      '2028 '.repeat(10).trim(),
    );
    assert.equal(parseOverlongCommand(`einladen ${'x'.repeat(41)}`)?.command, 'invite');
  });

  it('leaves alone what is read as it is, a command that takes no text, and other lines', () => {
    assert.equal(parseOverlongCommand(`einladen ${'x'.repeat(40)}`), undefined);
    assert.equal(parseOverlongCommand(`änderungen ${'x'.repeat(200)}`), undefined);
    assert.equal(parseOverlongCommand(`hilfe ${'x'.repeat(300)}`), undefined);
    assert.equal(parseOverlongCommand(`thema: ${'x'.repeat(300)}`), undefined);
  });

  it('lets the commands that take a name read one as long as a name may be', () => {
    const institution = 'Agentur für Arbeit Leipzig – Geschäftsstelle Grünau';
    assert.deepEqual(parseCommand(`aufgaben ${institution}`), {
      command: 'actions',
      argument: institution.toLowerCase(),
    });
  });
});
