import assert from 'node:assert/strict';
import { parseCommand } from '../../src/bot/command-parser';

describe('parseCommand', () => {
  it('reads single words in both languages, whatever the case and punctuation', () => {
    assert.deepEqual(parseCommand(' Hilfe! '), { command: 'help', argument: '' });
    assert.deepEqual(parseCommand('/setup'), { command: 'setup', argument: '' });
    assert.deepEqual(parseCommand('ZUSAGEN'), { command: 'rsvps', argument: '' });
  });

  it('reads two-word commands and their argument', () => {
    assert.deepEqual(parseCommand('Sitzungen planen 2027'), { command: 'planSessions', argument: '2027' });
    assert.deepEqual(parseCommand('plan  sessions   2028'), { command: 'planSessions', argument: '2028' });
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
    assert.equal(parseCommand('sitzungen'), undefined);
  });
});
