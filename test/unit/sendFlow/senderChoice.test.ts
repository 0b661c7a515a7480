import * as assert from 'node:assert/strict';
import { NO_NUMBER } from '../../../src/api/models';
import { defaultSender } from '../../../src/sendFlow/senderChoice';

describe('sendFlow: the sender used without asking', () => {
  it('is no_number for an account without numbers', () => {
    assert.equal(defaultSender([], '+12015550100'), NO_NUMBER);
  });

  it('is the last used number while the account still has it', () => {
    assert.equal(defaultSender(['+12015550100', '+12015550101'], '+12015550101'), '+12015550101');
  });

  it('is the only number, even when another was used last', () => {
    assert.equal(defaultSender(['+12015550100'], '+12015550199'), '+12015550100');
  });

  it('is undefined when several numbers leave a choice', () => {
    assert.equal(defaultSender(['+12015550100', '+12015550101'], undefined), undefined);
  });

  it('is the last used number when the token may not list numbers', () => {
    assert.equal(defaultSender(undefined, '+12015550100'), '+12015550100');
    assert.equal(defaultSender(undefined, undefined), undefined);
  });
});
