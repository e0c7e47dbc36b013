/** The one worker pool (docs/sweeps.md): runTasks on the service side, serveTasks in a worker module. */
export { runTasks, poolSize, setPoolSize, type RunTasksOptions } from './worker-pool.ts';
export { serveTasks } from './pool-thread.ts';
