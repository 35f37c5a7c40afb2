package auth

import (
	"crypto/rand"
	"io"
	"math/big"
)

func randIntFrom(r io.Reader, max *big.Int) (*big.Int, error) { return rand.Int(r, max) }
