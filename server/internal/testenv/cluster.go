package testenv

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Cluster is a PostgreSQL cluster of the test run's own, started from the
// installed binaries (/usr/lib/postgresql/*/bin) in a temporary directory.
type Cluster struct {
	URL        string // superuser URL of its postgres database
	dir, bin   string
	opts       string // server options of every start: the same port each time
	asPostgres bool   // run as the postgres user (initdb refuses root)
}

var shared struct {
	once    sync.Once
	cluster *Cluster
	err     error
}

// adminURL returns a URL of a role that may create databases: TEST_DATABASE_URL
// when set, else a throwaway cluster started once per test binary.
func adminURL() (string, error) {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u, nil
	}
	shared.once.Do(func() { shared.cluster, shared.err = startCluster() })
	if shared.err != nil {
		return "", shared.err
	}
	return shared.cluster.URL, nil
}

// NewCluster starts a cluster that only this test uses, for tests that stop
// and start PostgreSQL (never the server the other tests share). It is
// removed when the test ends. Without PostgreSQL's binaries the test skips
// (fails in strict mode).
func NewCluster(t testing.TB) *Cluster {
	t.Helper()
	c, err := startCluster()
	if err != nil {
		Skip(t, "no PostgreSQL cluster of the test's own: "+err.Error())
	}
	t.Cleanup(c.remove)
	return c
}

func startCluster() (*Cluster, error) {
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) == 0 {
		return nil, errors.New("TEST_DATABASE_URL is not set and no initdb under /usr/lib/postgresql")
	}
	sort.Strings(matches)
	c := &Cluster{bin: filepath.Dir(matches[len(matches)-1]), asPostgres: os.Geteuid() == 0}
	dir, err := os.MkdirTemp("", "miniid-pg-")
	if err != nil {
		return nil, err
	}
	c.dir = dir
	if c.asPostgres {
		// initdb refuses to run as root: hand the directory to postgres.
		pg, err := user.Lookup("postgres")
		if err != nil {
			c.remove()
			return nil, fmt.Errorf("running as root and no postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		os.Chmod(dir, 0o700)
		if err := os.Chown(dir, uid, gid); err != nil {
			c.remove()
			return nil, err
		}
	}
	port, err := freePort()
	if err != nil {
		c.remove()
		return nil, err
	}
	if err := c.run("initdb", "-D", c.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"); err != nil {
		c.remove()
		return nil, err
	}
	c.opts = fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", port, dir)
	c.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	if err := c.Start(); err != nil {
		c.remove()
		return nil, err
	}
	return c, nil
}

func (c *Cluster) data() string { return filepath.Join(c.dir, "data") }

// run runs one of PostgreSQL's programs, as postgres when we are root.
func (c *Cluster) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	if c.asPostgres {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", filepath.Join(c.bin, name)}, args...)...)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, out)
	}
	return nil
}

// Start starts the cluster on its port and waits until it answers.
func (c *Cluster) Start() error {
	if err := c.run("pg_ctl", "-D", c.data(), "-o", c.opts, "-w", "-t", "30", "-l", filepath.Join(c.dir, "log"), "start"); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	db := openPG(c.URL)
	defer db.Close()
	for db.PingContext(ctx) != nil {
		if ctx.Err() != nil {
			return errors.New("PostgreSQL did not answer after its start")
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil
}

// Stop shuts the cluster down the way an operator's restart does ("fast":
// sessions are ended, transactions in flight roll back) and returns once it
// has stopped.
func (c *Cluster) Stop() error {
	return c.run("pg_ctl", "-D", c.data(), "-m", "fast", "-w", "stop")
}

// remove stops the cluster at once and deletes its files.
func (c *Cluster) remove() {
	if c.bin != "" {
		c.run("pg_ctl", "-D", c.data(), "-m", "immediate", "stop") //nolint:errcheck // it may be stopped already
	}
	os.RemoveAll(c.dir)
}

func stopCluster() {
	if shared.cluster != nil {
		shared.cluster.remove()
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
