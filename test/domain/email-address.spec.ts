import assert from 'node:assert/strict';
import { personIdForEmail } from '../../src/app/roster/person-without-teams-id';
import { checkEmail, isWithoutTeamsPersonId, plainEmail } from '../../src/domain/email-address';
import { isSafeIdPart } from '../../src/domain/ids';

describe('domain/email-address', () => {
  it('takes one plausible address, trimmed, umlaut domains included', () => {
    for (const address of ['petra.albrecht@lk-leipzig.de', ' a+b@sub.stadt.example ', 'k@müller-amt.de'])
      assert.deepEqual(checkEmail(address), { ok: true, email: address.trim() });
  });

  it('refuses what Outlook could not use as one recipient, with the reason', () => {
    const cases: Array<[unknown, string]> = [
      [undefined, 'required'],
      ['   ', 'required'],
      [42, 'invalid'],
      ['petra', 'invalid'],
      ['@lk-leipzig.de', 'invalid'],
      ['petra@lk-leipzig', 'invalid'],
      ['petra..a@lk.de', 'invalid'],
      ['.petra@lk.de', 'invalid'],
      ['petra@-lk.de', 'invalid'],
      ['Petra <petra@lk.de>', 'invalid'],
      ['petra@lk.de\r\nBcc: x@y.de', 'several'],
      ['a@lk.de, b@lk.de', 'several'],
      ['a@lk.de b@lk.de', 'several'],
      [`${'p'.repeat(65)}@lk.de`, 'invalid'],
      [`p@${'l'.repeat(250)}.de`, 'tooLong'],
    ];
    for (const [value, problem] of cases)
      assert.deepEqual(checkEmail(value), { ok: false, problem }, JSON.stringify(value));
  });

  it('drops an implausible address Teams supplies instead of refusing it', () => {
    assert.equal(plainEmail('kein Postfach'), undefined);
    assert.equal(plainEmail(''), undefined);
    assert.equal(plainEmail('a@kog.example'), 'a@kog.example');
  });

  it('makes the same safe key from an address in any case, one no Entra object id can be', () => {
    const key = personIdForEmail('Petra.Albrecht@LK-Leipzig.de');
    assert.equal(key, personIdForEmail(' petra.albrecht@lk-leipzig.de'));
    assert.notEqual(key, personIdForEmail('paul.albrecht@lk-leipzig.de'));
    assert.match(key, /^mail-[0-9a-f]{32}$/);
    assert.ok(isSafeIdPart(key));
    assert.ok(isWithoutTeamsPersonId(key));
    assert.ok(!isWithoutTeamsPersonId('aaaaaaaa-0000-0000-0000-000000000001'));
  });
});
