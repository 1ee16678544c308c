import { E2eSystem, type E2eSystemOptions } from './e2e-system';

/**
 * Mocha glue: start a fresh system inside a test, and after every test keep a screenshot if it
 * failed and tear the system down whatever happened.
 */
export function e2eSession(): { start(test: Mocha.Context, options: Omit<E2eSystemOptions, 'scenario'>): Promise<E2eSystem> } {
  let current: E2eSystem | undefined;

  afterEach(async function () {
    const system = current;
    current = undefined;
    if (!system) return;
    if (this.currentTest?.state === 'failed') {
      const shots = await system.captureFailure(this.currentTest.title);
      if (shots.length > 0) this.currentTest.err = withNote(this.currentTest.err, `Screenshots of the failure: ${shots.join(', ')}`);
    }
    await system.stop();
  });

  return {
    async start(test, options) {
      const title = test.test?.fullTitle() ?? 'scenario';
      current = await E2eSystem.start({ scenario: title, ...options });
      return current;
    },
  };
}

function withNote(error: Error | undefined, note: string): Error | undefined {
  if (error) {
    const before = error.message;
    error.message = `${before}\n${note}`;
    // Reporters print the message part of the stack, which was captured with the old message.
    if (error.stack?.includes(before)) error.stack = error.stack.replace(before, error.message);
  }
  return error;
}
