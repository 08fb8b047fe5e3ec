#!/usr/bin/env bash
# Prints a text capture of the reader on the seeds, as shown in the README:
# the second article, the speaker picker to Julianne Smith, then } } to her
# direct quote. Usage: Tests/e2e/capture.sh PATH/TO/dixit [WIDTH HEIGHT]
set -uo pipefail
bin=${1:?usage: $0 PATH/TO/dixit [WIDTH HEIGHT]}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
width=${2:-120}
height=${3:-35}
root=$(cd "$(dirname "$0")/../.." && pwd)
sock="dixit-capture-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null' EXIT

wait_for() {
  local deadline=$((SECONDS + 10))
  while [ $SECONDS -le $deadline ]; do
    tm capture-pane -p -t cap | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  echo "capture.sh: '$1' did not appear" >&2
  return 1
}

tm new-session -d -s keep "sleep 300"
tm new-session -d -s cap -x "$width" -y "$height" \
  "cd '$root' && env LANG=C.UTF-8 TERM=screen-256color '$bin' seeds/000_62b49142b57b139c.txt seeds/004_f57e383da64bcd99.txt; sleep 300"
wait_for "Articles 1/2" || exit 1
tm send-keys -t cap j
wait_for "Articles 2/2" || exit 1
tm send-keys -t cap s
wait_for "speaker:" || exit 1
tm send-keys -t cap -l "jul"
tm send-keys -t cap Enter
wait_for "Julianne Smith: quote 1/" || exit 1
tm send-keys -t cap '}' '}'
wait_for "Julianne Smith: quote 3/" || wait_for "Julianne Smith: quote 1/" || exit 1
tm capture-pane -p -t cap
tm send-keys -t cap q
