/**
 * Front-end source roots: where modules live (on disk in development, on the classpath
 * when packaged) and the safe mapping between served URL paths and files.
 */
package io.velocity.hmr.source;
