package e2e

import (
	"testing"

	"github.com/minicorp/miniid/server/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }
