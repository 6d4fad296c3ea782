/**
 * File watching over the source roots: ignore rules, suppression of identical saves and
 * coalescing of bursts into one change set.
 * <p>
 * {@link io.velocity.hmr.watch.SourceWatcher} is the entry point; it is configured with
 * {@link io.velocity.hmr.watch.WatchSettings} and delivers
 * {@link io.velocity.hmr.watch.ChangeSet change sets} of
 * {@link io.velocity.hmr.watch.FileChange file changes}. Nothing here depends on the
 * packages further down the data flow.
 */
package io.velocity.hmr.watch;
