#!/usr/bin/env bash
# Responsiveness of the reader on a large corpus, under tmux (use a release build):
# time to the first screen, a key while loading, end of loading, a filter, the
# corpus-wide quotes view. The corpus is N copies of each seed (default 1500).
# Usage: Tests/e2e/bench.sh PATH/TO/dixit [N]
# Times include tmux's polling (10 ms steps); they are upper bounds.
set -uo pipefail
bin=${1:?usage: $0 PATH/TO/dixit [N]}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
n=${2:-1500}
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$(mktemp -d)
sock="dixit-bench-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$corpus"' EXIT
for i in $(seq 1 "$n"); do
  cp "$root/seeds/000_62b49142b57b139c.txt" "$corpus/a$i.txt"
  cp "$root/seeds/004_f57e383da64bcd99.txt" "$corpus/b$i.txt"
done

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
waitfor() { local d=$((SECONDS + 120)); until tm capture-pane -p -t b | grep -qF -- "$1"; do [ $SECONDS -gt $d ] && { echo "timeout: $1"; exit 1; }; sleep 0.01; done; }
waitgone() { local d=$((SECONDS + 120)); while tm capture-pane -p -t b | grep -qF -- "$1"; do [ $SECONDS -gt $d ] && { echo "timeout: $1"; exit 1; }; sleep 0.01; done; }

tm new-session -d -s keep "sleep 600"
t0=$(now)
tm new-session -d -s b -x 120 -y 35 "env LANG=C.UTF-8 TERM=screen-256color '$bin' '$corpus'; sleep 600"
waitfor "Articles 1/"; printf 'first screen            %6.3f s\n' "$(since "$t0")"
t=$(now); tm send-keys -t b j; waitfor "Articles 2/"; printf 'key while loading       %6.3f s\n' "$(since "$t")"
waitgone "loading"; printf 'all %5d loaded        %6.3f s\n' "$((2 * n))" "$(since "$t0")"
tm send-keys -t b f; tm send-keys -t b -l "speaker:stoltenberg date:2022-04"
t=$(now); tm send-keys -t b Enter; waitfor "(of "; printf 'filter                  %6.3f s\n' "$(since "$t")"
t=$(now); tm send-keys -t b l l a; waitfor "all shown"; printf 'corpus quotes view      %6.3f s\n' "$(since "$t")"
t=$(now); tm send-keys -t b F; waitgone "(of "; printf 'clear filter            %6.3f s\n' "$(since "$t")"
pid=$(pgrep -n -f "^$bin $corpus" || true)
[ -n "$pid" ] && printf 'resident memory         %6d MiB\n' "$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))"
tm send-keys -t b q
