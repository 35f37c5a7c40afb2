package proctest

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/minicorp/miniid/server/internal/gotool"
	"github.com/minicorp/miniid/server/internal/testenv"
)

// Release is a portal binary built from an earlier commit.
type Release struct {
	Binary    string
	Commit    string // the commit it was built from
	Migration string // id of its newest migration: the schema it runs on
}

var previous struct {
	once sync.Once
	rel  Release
	err  error
	skip string
}

// PreviousRelease builds the portal as it was just before its newest
// migration (the parent of the commit that added that migration), from the
// repository's git history, once per test binary: the old code a deployment
// of this version runs beside while it rolls out. Without git or the
// history (a shallow clone) the test skips (fails in strict mode).
func PreviousRelease(t testing.TB) Release {
	t.Helper()
	previous.once.Do(buildPrevious)
	if previous.skip != "" {
		testenv.Skip(t, previous.skip)
	}
	if previous.err != nil {
		t.Fatalf("build the previous release: %v", previous.err)
	}
	return previous.rel
}

func buildPrevious() {
	root, err := gotool.ModuleRoot()
	if err != nil {
		previous.err = err
		return
	}
	git := func(args ...string) ([]byte, error) {
		cmd := exec.Command("git", append([]string{"-C", root}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, stderr.String())
		}
		return out, nil
	}
	// Along the first parents, a merge counts as the commit that brought
	// its migrations in: the previous release of a line is what it was
	// before the newest migration arrived there.
	added, err := git("log", "-1", "--first-parent", "--diff-merges=first-parent", "--no-patch", "--format=%H", "--diff-filter=A", "--", "server/store/migrations")
	if err != nil || len(bytes.TrimSpace(added)) == 0 {
		previous.skip = fmt.Sprintf("no git history of the migrations to build the previous release from (%v)", err)
		return
	}
	parent, err := git("rev-parse", "--verify", strings.TrimSpace(string(added))+"^1")
	if err != nil {
		previous.skip = fmt.Sprintf("the commit before the newest migration is not in this clone (shallow?): %v", err)
		return
	}
	commit := strings.TrimSpace(string(parent))
	archive, err := git("archive", "--format=tar", commit)
	if err != nil {
		previous.err = err
		return
	}
	dir, err := os.MkdirTemp("", "miniid-previous-")
	if err != nil {
		previous.err = err
		return
	}
	testenv.AtExit(func() { os.RemoveAll(dir) })
	src := filepath.Join(dir, "src")
	if err := untar(archive, src); err != nil {
		previous.err = err
		return
	}
	migration, err := newestMigration(filepath.Join(src, "server/store/migrations/postgres"))
	if err != nil {
		previous.err = err
		return
	}
	bin := filepath.Join(dir, "miniid-previous")
	if err := goBuild(src, bin); err != nil {
		previous.err = err
		return
	}
	previous.rel = Release{Binary: bin, Commit: commit, Migration: migration}
}

// untar writes the files of a tar archive under dir.
func untar(archive []byte, dir string) error {
	tr := tar.NewReader(bytes.NewReader(archive))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("untar: %w", err)
		}
		path := filepath.Join(dir, filepath.FromSlash(h.Name))
		if !strings.HasPrefix(path, filepath.Clean(dir)+string(os.PathSeparator)) {
			return fmt.Errorf("untar: %s leaves the directory", h.Name)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(path, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			b, err := io.ReadAll(tr)
			if err != nil {
				return err
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				return err
			}
		}
	}
}

// newestMigration is the id (timestamp) of the newest migration file in dir.
func newestMigration(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var ids []string
	for _, e := range entries {
		if id, _, ok := strings.Cut(e.Name(), "_"); ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return "", fmt.Errorf("no migrations in %s", dir)
	}
	sort.Strings(ids)
	return ids[len(ids)-1], nil
}
