#!/bin/sh
# One-shot TLS material for the storage elements of docker-compose (service se-tls-init).
# Writes into $TLS_DIR (a named volume):
#   ca.crt / ca.key            a private CA, the trust bundle of admin, ingester and query
#   <host>.crt / <host>.key    a server certificate per storage element (PEM, PKCS#8 key)
# Idempotent: existing files are kept, so certificates survive `docker compose up` reruns.
# Hosts come from $SE_TLS_HOSTS (space separated compose service names).
set -eu
TLS_DIR="${TLS_DIR:-/tls}"
SE_TLS_HOSTS="${SE_TLS_HOSTS:-se-edit se-rw se-rw-b}"
DAYS="${TLS_DAYS:-825}"
# uid/gid of the service images (USER 10001:10001 in every Dockerfile)
OWNER="${TLS_OWNER:-10001:10001}"

mkdir -p "$TLS_DIR"
cd "$TLS_DIR"

if [ ! -s ca.crt ] || [ ! -s ca.key ]; then
  echo "se-tls-init: creating the ArtStore development CA"
  openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days "$DAYS" \
    -keyout ca.key -out ca.crt -subj "/O=ArtStore/CN=ArtStore compose CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
fi

for host in $SE_TLS_HOSTS; do
  if [ -s "$host.crt" ] && [ -s "$host.key" ]; then
    echo "se-tls-init: keeping the certificate of $host"
    continue
  fi
  echo "se-tls-init: issuing a certificate for $host"
  cat > "$host.ext" <<EXT
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1
EXT
  openssl req -newkey rsa:2048 -sha256 -nodes -keyout "$host.key" -out "$host.csr" \
    -subj "/O=ArtStore/CN=$host"
  openssl x509 -req -in "$host.csr" -CA ca.crt -CAkey ca.key -CAcreateserial \
    -days "$DAYS" -sha256 -extfile "$host.ext" -out "$host.crt"
  rm -f "$host.csr" "$host.ext"
done

# SE keys readable by the service user only, the CA key by root only; certificates and
# the CA bundle by everyone.
for host in $SE_TLS_HOSTS; do chown "$OWNER" "$host.key"; done
chmod 600 ./*.key
chmod 644 ./*.crt
rm -f ca.srl
echo "se-tls-init: done"
