// Package validate holds the field rules of the MINI ID portal. The same code
// runs in the browser (compiled to WebAssembly) and on the server, so a value
// the form accepts is a value the API accepts.
//
// Every rule is a pure function of its input: no clock (the date of birth takes
// today as an argument), no I/O, and only small standard-library packages, to
// keep the wasm binary light (no fmt, regexp, net/mail).
//
// A failed rule returns an *Error whose Code is a stable machine word that the
// UI translates and the API puts in its error envelope. Normalize functions
// give the form a value is stored in; every validator accepts the normalized
// form of any value it accepts, and normalizing twice changes nothing.
package validate
