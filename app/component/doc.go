// Package component holds the app's reusable widgets: the page frame with its
// status bar, form fields, alerts, the dialog and the loader. Each widget is
// configured through exported I… fields set by its parent, and follows the
// app's language itself (state.ObserveLang): no parent hands it down.
package component
