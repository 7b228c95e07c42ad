#!/usr/bin/env bash
# Container health check without curl or wget: an HTTP/1.0 GET over bash's /dev/tcp to
# the actuator readiness group. Healthy only on a 200 answer.
# NQ57_HEALTH_PORT and NQ57_HEALTH_PATH come from the image (see deploy/Dockerfile).
set -uo pipefail
port="${NQ57_HEALTH_PORT:-8080}"
path="${NQ57_HEALTH_PATH:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
[[ "$status" == HTTP/1.?\ 200* ]]
