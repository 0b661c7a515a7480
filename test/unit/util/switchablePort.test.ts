import * as assert from 'node:assert/strict';
import { switchablePort } from '../../../src/util/switchablePort';

class Greeter {
  constructor(private readonly word: string) {}
  greet(name: string): string {
    return `${this.word}, ${name}`;
  }
}

describe('util: switchablePort', () => {
  it('forwards calls to the current implementation, with its own `this`, and restores the previous one on dispose', () => {
    const { port, use } = switchablePort(new Greeter('Hello'));
    assert.equal(port.greet('Ada'), 'Hello, Ada');
    const swap = use(new Greeter('Hi'));
    assert.equal(port.greet('Ada'), 'Hi, Ada');
    swap.dispose();
    assert.equal(port.greet('Ada'), 'Hello, Ada');
  });
});
