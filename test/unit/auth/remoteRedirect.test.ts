import * as assert from 'assert';
import { forwardedRedirectUsable, isForwardingRemote } from '../../../src/auth/remoteRedirect';

describe('OAuth in remote windows', () => {
  const local = 'http://127.0.0.1:53682/callback';

  it("a port forwarded to the same loopback port on this computer can take the browser's redirect", () => {
    assert.strictEqual(forwardedRedirectUsable(local, 'http://localhost:53682/callback'), true);
    assert.strictEqual(forwardedRedirectUsable(local, 'http://127.0.0.1:53682/callback'), true);
  });

  it('another port, a tunnel host or https cannot match the registered redirect URI', () => {
    assert.strictEqual(forwardedRedirectUsable(local, 'http://localhost:53999/callback'), false);
    assert.strictEqual(forwardedRedirectUsable(local, 'https://name-53682.app.github.dev/callback'), false);
    assert.strictEqual(forwardedRedirectUsable(local, 'not a url'), false);
  });

  it("only VS Code's forwarding remotes take that path; a local window never does", () => {
    for (const name of ['ssh-remote', 'wsl', 'dev-container', 'codespaces']) {
      assert.strictEqual(isForwardingRemote(name), true, name);
    }
    assert.strictEqual(isForwardingRemote(undefined), false);
  });
});
