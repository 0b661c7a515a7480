import * as assert from 'node:assert/strict';
import { allCommands, type CommandDependencies } from '../../../src/commands/allCommands';
import { deferredCommands } from '../../../src/commands/deferredCommands';
import { COMMANDS } from '../../../src/manifest/commandIds';

/** Stands for any collaborator: every member is callable and returns another stand-in; nothing happens. */
const anything: unknown = new Proxy(function () {}, {
  get: (_target, key) => (key === 'then' ? undefined : anything),
  apply: () => anything,
  construct: () => anything as object,
});
const dependencies = () => anything as CommandDependencies;

describe('commands: registered by id, built on first use', () => {
  it('registers every declared command id without building any command', () => {
    let built = 0;
    const commands = deferredCommands(() => {
      built++;
      return dependencies();
    });
    assert.deepStrictEqual(commands.map((c) => c.id).sort(), Object.values(COMMANDS).sort());
    assert.strictEqual(built, 0, 'activation builds no command');
  });

  it('allCommands() builds a command for every declared id, so no deferred handler is left without one', () => {
    assert.deepStrictEqual(
      allCommands(dependencies())
        .map((c) => c.id)
        .sort(),
      Object.values(COMMANDS).sort(),
    );
  });

  it('builds the commands once, on the first run of any of them', async () => {
    let built = 0;
    const commands = deferredCommands(() => {
      built++;
      return dependencies();
    });
    const run = (id: string) => commands.find((c) => c.id === id)!.execute();
    await run(COMMANDS.showLogs);
    await run(COMMANDS.showLogs);
    assert.strictEqual(built, 1);
  });
});
