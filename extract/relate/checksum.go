package relate

import (
	"crypto/sha256"
	"encoding/hex"
)

// Checksum returns the SHA-256 of the embedded relation model (Default), in hex, so
// that what a binary extracted can be traced to the model that did it.
func Checksum() string {
	sum := sha256.Sum256(embedded)
	return hex.EncodeToString(sum[:])
}
