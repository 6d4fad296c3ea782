/**
 * The HMR wire protocol: one sealed interface of message records and their JSON form.
 */
package io.velocity.hmr.protocol;
