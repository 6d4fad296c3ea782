/**
 * Auto-configuration for Velocity HMR: properties, the enablement condition and the beans
 * of each feature.
 */
package io.velocity.hmr.autoconfigure;
