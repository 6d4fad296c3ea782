/**
 * HTTP serving: compiled modules, the client assets under /__velocity/ and the HTML
 * script-injection filter.
 */
package io.velocity.hmr.web;
