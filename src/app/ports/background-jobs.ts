/**
 * Work that runs after the current turn has been answered (Teams retries slow invokes).
 * A job's failure is logged by the implementation, never thrown at the caller.
 */
export interface BackgroundJobs {
  run(label: string, job: () => Promise<void>): void;
}
