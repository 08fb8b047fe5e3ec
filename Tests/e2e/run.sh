#!/usr/bin/env bash
# End-to-end tests of the reader: the real dixit binary under tmux on the seed
# articles. Usage: Tests/e2e/run.sh PATH/TO/dixit
# Builds nothing. Waits for text to appear on the screen (polling with a
# timeout), never for fixed times. Last line: "N passed, N failed"; exit status
# non-zero when a check failed.
set -uo pipefail

bin=${1:?usage: $0 PATH/TO/dixit}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
root=$(cd "$(dirname "$0")/../.." && pwd)
seeds=("$root/seeds/000_62b49142b57b139c.txt" "$root/seeds/004_f57e383da64bcd99.txt")
command -v tmux >/dev/null || { echo "tmux is not installed"; echo "0 passed, 1 failed"; exit 1; }
[ -x "$bin" ] || { echo "not an executable: $bin"; echo "0 passed, 1 failed"; exit 1; }

work=$(mktemp -d)
sock="dixit-e2e-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# A session that lives through the test, so that killing a test session never
# stops the server while the next one starts.
tm new-session -d -s keep -x 80 -y 24 "sleep 3600"

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $1"; }
not_ok() {
  failed=$((failed + 1))
  echo "FAIL - $1"
  echo "---- screen ----"; tm capture-pane -p -t e2e 2>/dev/null | sed 's/^/    /'; echo "----------------"
}

screen() { tm capture-pane -p -t e2e 2>/dev/null; }

# wait_for TEXT [SECONDS]: polls the screen until TEXT (a fixed string) shows.
wait_for() {
  local text=$1 limit=${2:-10}
  local deadline=$((SECONDS + limit))
  while [ $SECONDS -le $deadline ]; do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
  done
  return 1
}

# wait_gone TEXT [SECONDS]: polls until TEXT is no longer on the screen.
wait_gone() {
  local text=$1 limit=${2:-10}
  local deadline=$((SECONDS + limit))
  while [ $SECONDS -le $deadline ]; do
    if ! screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
  done
  return 1
}

# wait_file FILE [SECONDS]: polls until FILE exists and is not empty.
wait_file() {
  local f=$1 limit=${2:-10}
  local deadline=$((SECONDS + limit))
  while [ $SECONDS -le $deadline ]; do
    [ -s "$f" ] && return 0
    sleep 0.05
  done
  return 1
}

check() { # check NAME TEXT [SECONDS]
  if wait_for "$2" "${3:-10}"; then ok "$1"; else not_ok "$1 (waited for: $2)"; fi
}

# start NAME: runs dixit on the seeds in a fresh 120x35 session, recording the
# terminal settings before and after, and the exit status.
start() {
  local name=$1
  cat > "$work/$name.sh" <<SCRIPT
stty -g > "$work/$name.before"
"$bin" "${seeds[0]}" "${seeds[1]}"
echo \$? > "$work/$name.status.tmp"
stty -g > "$work/$name.after"
mv "$work/$name.status.tmp" "$work/$name.status"
echo "DIXIT-EXITED"
sleep 600
SCRIPT
  tm kill-session -t e2e 2>/dev/null
  tm new-session -d -s e2e -x 120 -y 35 \
    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color bash $work/$name.sh"
}

# finished NAME STATUS: the reader exited with STATUS and the terminal is as before.
finished() {
  local name=$1 want=$2
  if wait_file "$work/$name.status" 10; then
    local got; got=$(cat "$work/$name.status")
    if [ "$got" = "$want" ]; then ok "$name: exit status $want"; else not_ok "$name: exit status $got, expected $want"; fi
    if cmp -s "$work/$name.before" "$work/$name.after"; then ok "$name: terminal settings restored (stty -g)"
    else not_ok "$name: stty -g differs after exit"; fi
    if wait_for "DIXIT-EXITED" 5 && ! screen | grep -qF "Articles"; then ok "$name: screen given back (alternate screen left)"
    else not_ok "$name: reader still on screen after exit"; fi
  else
    not_ok "$name: did not exit"
  fi
}

# --- open -----------------------------------------------------------------
start main
check "open: article list" "Articles 1/2"
check "open: first article in the reader" "Réagissant à l’annonce"
check "open: second article listed" "Les alliés de l'OTAN"
check "open: hint bar" "? help"

# --- move -----------------------------------------------------------------
tm send-keys -t e2e j
check "move: j selects the second article" "Articles 2/2"
check "move: the reader shows it" "Reader · 004_f57e383da64bcd99.txt"
tm send-keys -t e2e k
check "move: k goes back" "Articles 1/2"

# --- mouse (X10 reports: ESC [ M, then button, column and row, each + 32, 1-based) ---
mouse() { tm send-keys -t e2e -l "$(printf '\033[M%b%b%b' "\\$(printf '%03o' $((32 + $1)))" "\\$(printf '%03o' $((33 + $2)))" "\\$(printf '%03o' $((33 + $3)))")"; }
mouse 65 60 10   # wheel down over the reader
if wait_gone "date 2022-09" 5; then ok "mouse: the wheel scrolls the pane under the pointer"
else not_ok "mouse: the wheel scrolls the pane under the pointer"; fi
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }   # press, then release
click 5 3        # on the second article's title
check "mouse: a click selects an article" "Articles 2/2"
click 5 1
check "mouse: a click selects the first again" "Articles 1/2"

# --- speaker picker: Julianne Smith -----------------------------------------
tm send-keys -t e2e s
check "picker: opens" "speaker:"
tm send-keys -t e2e -l "julianne"
check "picker: narrows to Julianne Smith" "Julianne Smith"
tm send-keys -t e2e Enter
check "picker: jumps to her quote" "Je dirais que plus des deux tiers"
check "picker: her article is open" "Reader · 004_f57e383da64bcd99.txt"
check "picker: her quote is current" "Julianne Smith: quote 1/"

# The current quote reaches the terminal in its colour (256-colour terminal).
if tm capture-pane -e -p -t e2e | grep -qF "48;5;223"; then ok "colours: the current quote has its colour"
else not_ok "colours: the current quote has its colour"; fi

# --- help -----------------------------------------------------------------
tm send-keys -t e2e '?'
check "help: key table" "Next quote by the same speaker"
tm send-keys -t e2e Escape
if wait_gone "Next quote by the same speaker" 5; then ok "help: Esc closes"; else not_ok "help: Esc closes"; fi

# --- filter ---------------------------------------------------------------
tm send-keys -t e2e f
check "filter: line opens" "filter:"
tm send-keys -t e2e -l "speeker:x"
check "filter: a bad query shows its error inline" "unknown field 'speeker'"
tm send-keys -t e2e C-u
tm send-keys -t e2e -l "speaker:stoltenberg"
tm send-keys -t e2e Enter
check "filter: applied" "filter: speaker:stoltenberg"
check "filter: articles counted" "articles ·"
tm send-keys -t e2e l l
check "filter: quotes pane lists Stoltenberg" "Jens Stoltenberg ("
tm send-keys -t e2e a
check "filter: all quotes of the filtered set" "Quotes · all shown"
if screen | grep -qF "Julianne Smith ("; then not_ok "filter: Julianne Smith filtered out of the quotes"
else ok "filter: Julianne Smith filtered out of the quotes"; fi
tm send-keys -t e2e F
check "filter: F clears" "filter cleared"

# --- resize ---------------------------------------------------------------
tm resize-window -t e2e -x 60 -y 20
check "resize: narrow layout shows tabs" "│Reader" 
tm resize-window -t e2e -x 24 -y 6
check "resize: too small notice" "Terminal too small"
tm resize-window -t e2e -x 120 -y 35
check "resize: back to three panes" "│ Quotes · "

# --- quit -----------------------------------------------------------------
tm send-keys -t e2e q
finished main 0

# --- a phrase filter checked off the keystroke ------------------------------
# 300 articles (150 copies of each seed) hold both words of "soutien militaire":
# too many texts to read on the key, so they are read in the background, and the
# matches (the copies of the second seed) fill the list.
mkdir -p "$work/many"
for i in $(seq 1 150); do cp "${seeds[0]}" "$work/many/a$i.txt"; cp "${seeds[1]}" "$work/many/b$i.txt"; done
tm kill-session -t e2e 2>/dev/null
tm new-session -d -s e2e -x 120 -y 35 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $bin --cache-dir $work/cache $work/many; sleep 600"
check "phrase: 300 articles open" "Articles 1/300" 60
if wait_gone "loading" 60; then ok "phrase: loading over"; else not_ok "phrase: loading over"; fi
tm send-keys -t e2e f
tm send-keys -t e2e -l '"soutien militaire"'
tm send-keys -t e2e Enter
check "phrase: the check ends with its count" "150/300 articles" 30
check "phrase: the filter is shown" 'filter: "soutien militaire"'
check "phrase: only the matching articles are listed" "Articles 1/150"
if screen | grep -qF "checking…"; then not_ok "phrase: the checking indicator is gone"; else ok "phrase: the checking indicator is gone"; fi
tm send-keys -t e2e j
check "phrase: keys move in the filtered list" "Articles 2/150"
reading=$(screen | grep -o "Reader · b[0-9]*\.txt" | head -1)
tm send-keys -t e2e f C-u Enter
check "phrase: an empty filter restores the list" "/300 "
check "phrase: the whole list is back on the article being read" "${reading:-Reader · b}"
# The corpus-wide quotes pane holds 3,000 rows: a word quoted only far down is found
# and counted off the keystroke, and the status line shows the count when it comes.
tm send-keys -t e2e l l a
check "quotes search: all quotes of the 300 articles" "Quotes · all shown"
tm send-keys -t e2e /
tm send-keys -t e2e -l "provoquée"
tm send-keys -t e2e Enter
check "quotes search: the far match is counted" "match 1/150 · provoquée" 20
check "quotes search: the cursor is on it" "pas été provoquée"
tm send-keys -t e2e n
check "quotes search: n goes to the next one" "match 2/150 · provoquée"
tm send-keys -t e2e q

# --- a second start reads the corpus index saved by the first -----------------
saved=$(ls "$work/cache/indexes/"*.index 2>/dev/null | head -1)
if [ -n "$saved" ]; then ok "saved index: written by the first start"; else not_ok "saved index: written by the first start"; fi
inode=$(stat -c %i "$saved" 2>/dev/null)
tm kill-session -t e2e 2>/dev/null
tm new-session -d -s e2e -x 120 -y 35 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color $bin --cache-dir $work/cache $work/many; sleep 600"
check "saved index: 300 articles open again" "Articles 1/300" 60
if wait_gone "loading" 60; then ok "saved index: loading over"; else not_ok "saved index: loading over"; fi
tm send-keys -t e2e f
tm send-keys -t e2e -l '"soutien militaire"'
tm send-keys -t e2e Enter
check "saved index: the same filter finds the same articles" "150/300 articles" 30
tm send-keys -t e2e q
if [ -n "$inode" ] && [ "$(stat -c %i "$saved" 2>/dev/null)" = "$inode" ]; then ok "saved index: read back, not rebuilt"
else not_ok "saved index: read back, not rebuilt (the file was written again)"; fi

# --- NO_COLOR: attributes instead of colours -------------------------------
tm kill-session -t e2e 2>/dev/null
tm new-session -d -s e2e -x 120 -y 35 "env NO_COLOR=1 LANG=C.UTF-8 TERM=screen-256color $bin ${seeds[0]} ${seeds[1]}; sleep 600"
check "NO_COLOR: open" "Articles 1/2"
attrs=$(tm capture-pane -e -p -t e2e)
if ! grep -qF "38;5;" <<<"$attrs" && grep -qF $'\e[7m' <<<"$attrs" && grep -qF $'\e[1m' <<<"$attrs"; then
  ok "NO_COLOR: no colour, bold and reverse instead"
else not_ok "NO_COLOR: no colour, bold and reverse instead"; fi
tm send-keys -t e2e q

# --- Ctrl-C and SIGTERM restore the terminal too ----------------------------
start sigint
check "sigint: open" "Articles 1/2"
tm send-keys -t e2e C-c
finished sigint 130

start sigterm
check "sigterm: open" "Articles 1/2"
pid=$(pgrep -n -f "^$bin ${seeds[0]}" || true)
if [ -n "$pid" ]; then kill -TERM "$pid"; finished sigterm 143; else not_ok "sigterm: reader process not found"; fi

# --- Ctrl-Z suspends to the shell and fg comes back -------------------------
tm kill-session -t e2e 2>/dev/null
tm new-session -d -s e2e -x 120 -y 35 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color PS1='e2e\$ ' bash --norc --noprofile -i"
if wait_for "e2e\$" 10; then
  tm send-keys -t e2e "stty -g > $work/tstp.before; $bin ${seeds[0]} ${seeds[1]}" Enter
  check "ctrl-z: open" "Articles 1/2"
  tm send-keys -t e2e C-z
  check "ctrl-z: back at the shell" "Stopped"
  if wait_gone "Articles 1/2" 5; then ok "ctrl-z: reader off the screen while stopped"; else not_ok "ctrl-z: reader off the screen while stopped"; fi
  tm send-keys -t e2e "fg" Enter
  check "ctrl-z: fg redraws the reader" "Articles 1/2"
  tm send-keys -t e2e q
  if wait_gone "Articles 1/2" 10; then ok "ctrl-z: quits after resuming"; else not_ok "ctrl-z: quits after resuming"; fi
  tm send-keys -t e2e "stty -g > $work/tstp.after; echo TSTP-DONE" Enter
  if wait_for "TSTP-DONE" 10 && wait_file "$work/tstp.after" 5 && cmp -s "$work/tstp.before" "$work/tstp.after"; then
    ok "ctrl-z: terminal settings restored (stty -g)"
  else not_ok "ctrl-z: stty -g differs"; fi
else
  not_ok "ctrl-z: interactive shell did not start"
fi

# --- not a terminal -------------------------------------------------------
out=$("$bin" "${seeds[@]}" 2>"$work/err" | wc -c)
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ] && [ "$out" -eq 0 ] && grep -qF "dixit export" "$work/err"; then ok "pipe: message pointing to dixit export, non-zero exit, nothing on stdout"
else not_ok "pipe: status $status, $out bytes on stdout"; fi

# --- a terminal that cannot move the cursor ---------------------------------
tm kill-session -t e2e 2>/dev/null
tm new-session -d -s e2e -x 120 -y 35 "env TERM=dumb $bin ${seeds[0]}; echo DUMB-STATUS=\$?; sleep 600"
check "TERM=dumb: a plain message, no reader" "TERM=dumb"
check "TERM=dumb: non-zero exit" "DUMB-STATUS=2"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
