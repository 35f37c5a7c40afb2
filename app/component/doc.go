// Package component holds the app's reusable widgets: the page frame with its
// status bar, form fields, alerts, the dialog and the loader. Each widget is
// configured through exported I… fields set by its parent.
package component
