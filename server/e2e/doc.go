// Package e2e holds the browser tests: the real wasm app in a real headless
// Chromium against a real portal, driven the way a person would.
package e2e
