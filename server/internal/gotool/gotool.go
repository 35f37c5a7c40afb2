// Package gotool runs the go command for the programs that build the
// portal themselves: the benchmark (server/cmd/bench) and the tests that
// start real processes (server/internal/proctest).
package gotool

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Command is the go command: $GO (as the Makefile sets it) or go on PATH.
func Command() string {
	if g := os.Getenv("GO"); g != "" {
		return g
	}
	return "go"
}

// ModuleRoot is the directory of the go.mod of the working directory's
// module.
func ModuleRoot() (string, error) {
	out, err := exec.Command(Command(), "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside the repository (no go.mod found)")
	}
	return filepath.Dir(mod), nil
}

// Build builds the package pkg of the module at root into out with the
// flags of `make build` (-trimpath, no symbol table), so that what is
// measured or tested is what ships. The compiler's output goes to log.
func Build(ctx context.Context, root, pkg, out string, log io.Writer) error {
	cmd := exec.CommandContext(ctx, Command(), "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s in %s: %w", pkg, root, err)
	}
	return nil
}
