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
	"time"
)

var cluster struct {
	once sync.Once
	dir  string
	bin  string
	url  string
	err  error
}

// adminURL returns a URL of a role that may create databases: TEST_DATABASE_URL
// when set, else a throwaway cluster started once per test binary.
func adminURL() (string, error) {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u, nil
	}
	cluster.once.Do(startCluster)
	return cluster.url, cluster.err
}

func startCluster() {
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) == 0 {
		cluster.err = errors.New("TEST_DATABASE_URL is not set and no initdb under /usr/lib/postgresql")
		return
	}
	sort.Strings(matches)
	cluster.bin = filepath.Dir(matches[len(matches)-1])
	dir, err := os.MkdirTemp("", "miniid-pg-")
	if err != nil {
		cluster.err = err
		return
	}
	cluster.dir = dir
	asPostgres := os.Geteuid() == 0
	if asPostgres {
		// initdb refuses to run as root: hand the directory to postgres.
		pg, err := user.Lookup("postgres")
		if err != nil {
			cluster.err = fmt.Errorf("running as root and no postgres user: %w", err)
			return
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		os.Chmod(dir, 0o700)
		if err := os.Chown(dir, uid, gid); err != nil {
			cluster.err = err
			return
		}
	}
	port, err := freePort()
	if err != nil {
		cluster.err = err
		return
	}
	data := filepath.Join(dir, "data")
	run := func(name string, args ...string) error {
		cmd := exec.Command(filepath.Join(cluster.bin, name), args...)
		if asPostgres {
			cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", filepath.Join(cluster.bin, name)}, args...)...)
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %w: %s", name, err, out)
		}
		return nil
	}
	if err := run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"); err != nil {
		cluster.err = err
		return
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", port, dir)
	if err := run("pg_ctl", "-D", data, "-o", opts, "-w", "-t", "30", "-l", filepath.Join(dir, "log"), "start"); err != nil {
		cluster.err = err
		return
	}
	cluster.url = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	db := openPG(cluster.url)
	defer db.Close()
	for db.PingContext(ctx) != nil {
		if ctx.Err() != nil {
			cluster.err = errors.New("throwaway PostgreSQL did not answer")
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func stopCluster() {
	if cluster.dir == "" || cluster.bin == "" {
		return
	}
	data := filepath.Join(cluster.dir, "data")
	cmd := exec.Command(filepath.Join(cluster.bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop")
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", "-u", "postgres", "--", filepath.Join(cluster.bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop")
	}
	cmd.Run()
	os.RemoveAll(cluster.dir)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
