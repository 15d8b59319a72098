#!/usr/bin/env bash
# Generates the development/test JWT key pair into backend/.dev-keys (git-ignored) when none exists.
# Production keys are given by HARBOR_JWT_PRIVATE_KEY / HARBOR_JWT_PUBLIC_KEY and are never generated here.
set -euo pipefail
dir="$(cd "$(dirname "$0")/.." && pwd)/backend/.dev-keys"
if [ -s "$dir/privateKey.pem" ] && [ -s "$dir/publicKey.pem" ]; then exit 0; fi
command -v openssl >/dev/null || { echo "openssl is needed to make the dev JWT keys (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$dir" && chmod 700 "$dir"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/privateKey.pem" 2>/dev/null
openssl pkey -in "$dir/privateKey.pem" -pubout -out "$dir/publicKey.pem"
echo "[keys] generated a development JWT key pair in $dir" >&2
