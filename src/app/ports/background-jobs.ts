/**
 * Work that runs after the current turn has been answered (Teams retries slow invokes).
 * A job's failure is logged by the implementation, never thrown at the caller.
 */
export interface BackgroundJobs {
  run(label: string, job: () => Promise<void>): void;
  /**
   * Graceful shutdown: waits for the work under way (and the work it starts) to finish, for at most
   * `timeoutMs`. Resolves with how much was still unfinished when it stopped waiting; never rejects.
   */
  drainWithin(timeoutMs: number): Promise<DrainOutcome>;
}

export interface DrainOutcome {
  /** Jobs still running when the wait ended (0: all done); journaled work (provisioning) resumes at the next start. */
  readonly unfinished: number;
}
