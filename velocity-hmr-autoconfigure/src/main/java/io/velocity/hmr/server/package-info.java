/**
 * The raw WebSocket endpoint at /__hmr: handshake checks (token, origin), sessions and
 * broadcast.
 */
package io.velocity.hmr.server;
