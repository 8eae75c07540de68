/**
 * The app's side of the job runner (db-scheduler): executions live in the application
 * database ({@code scheduled_tasks}), so they survive restarts and two instances never
 * run the same one. Here: how task data is stored (readable JSON text), how jobs are
 * enqueued from any instance, a database-backed concurrency limit per queue, and the log
 * of recent runs. Feature packages define their own tasks.
 */
package io.ledgerline.jobs;
