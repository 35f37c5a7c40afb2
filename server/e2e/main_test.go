package e2e

import (
	"strings"
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }

func replaceAll(s, old, new string) string { return strings.ReplaceAll(s, old, new) }
