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

  it('replacements disposed in the order they were made (not the reverse) leave the original, and a second dispose changes nothing', () => {
    const { port, use } = switchablePort(new Greeter('Hello'));
    const first = use(new Greeter('Hi'));
    const second = use(new Greeter('Hey'));
    assert.equal(port.greet('Ada'), 'Hey, Ada');
    first.dispose();
    assert.equal(port.greet('Ada'), 'Hey, Ada', 'the newest replacement still in use wins');
    second.dispose();
    assert.equal(port.greet('Ada'), 'Hello, Ada');
    const third = use(new Greeter('Yo'));
    first.dispose();
    assert.equal(port.greet('Ada'), 'Yo, Ada');
    third.dispose();
    assert.equal(port.greet('Ada'), 'Hello, Ada');
  });
});
