#!/usr/bin/env bash
# Hostile articles and terminal stress: the real dixit binary under tmux.
# Usage: Tests/e2e/hostile.sh PATH/TO/dixit
#
# - Articles carrying escape sequences (CSI, OSC 52 clipboard, OSC 8 links, OSC 0/2
#   titles, DCS passthrough), BEL, C1 controls and bidi overrides, in the text and in
#   a file name: the screen shows the visible replacements (␛, ␇, �, ⸮), and tmux's
#   pane title and paste buffers are unchanged. A control run (`cat` of the same file)
#   shows the checks can fail: there the title and clipboard do change.
# - 200 resizes in a row down to 1×1, Ctrl-Z and fg, SIGTERM, SIGHUP, Ctrl-C while
#   loading a large corpus: no crash, the conventional exit status, and `stty -g`
#   identical before and after each run.
# Waits for text on the screen (polling with a timeout), never for fixed times.
# Last line: "N passed, N failed"; non-zero exit status when a check failed.
set -uo pipefail

bin=${1:?usage: $0 PATH/TO/dixit}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
command -v tmux >/dev/null || { echo "tmux is not installed"; echo "0 passed, 1 failed"; exit 1; }
[ -x "$bin" ] || { echo "not an executable: $bin"; echo "0 passed, 1 failed"; exit 1; }

work=$(mktemp -d)
sock="dixit-hostile-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export XDG_CACHE_HOME="$work/cache"   # the analysis cache goes here, not in ~/.cache

tm new-session -d -s keep -x 80 -y 24 "sleep 3600"
# A terminal that honours what an attack asks for: titles and OSC 52 clipboard writes.
tm set-option -g set-clipboard on
tm set-option -g allow-rename on
tm set-option -g allow-passthrough on 2>/dev/null || true

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $1"; }
not_ok() {
  failed=$((failed + 1))
  echo "FAIL - $1"
  echo "---- screen ----"; tm capture-pane -p -t h 2>/dev/null | sed 's/^/    /'; echo "----------------"
}
screen() { tm capture-pane -p -t h 2>/dev/null; }
wait_for() { # TEXT [SECONDS]
  local text=$1 deadline=$((SECONDS + ${2:-15}))
  while [ $SECONDS -le $deadline ]; do
    screen | grep -qF -- "$text" && return 0
    sleep 0.05
  done
  return 1
}
wait_file() { # FILE [SECONDS]
  local f=$1 deadline=$((SECONDS + ${2:-15}))
  while [ $SECONDS -le $deadline ]; do [ -s "$f" ] && return 0; sleep 0.05; done
  return 1
}
check() { if wait_for "$2" "${3:-15}"; then ok "$1"; else not_ok "$1 (waited for: $2)"; fi; }
title() { tm display-message -p -t h '#{pane_title}'; }
buffers() { tm list-buffers -F '#{buffer_sample}' 2>/dev/null; }

# --- the hostile corpus -----------------------------------------------------
corpus="$work/corpus"
mkdir -p "$corpus"
E=$'\e' B=$'\a'
{
  printf 'Alerte %s]0;PWNED-TITLE%s au %s]2;PWNED-TWO%s\\ sommet\n' "$E" "$B" "$E" "$E"
  printf 'Par Jeanne Martin\n'
  printf '« Nous ne céderons rien %s]52;c;%s%s », a déclaré le ministre.\n' "$E" "$(printf 'PWNED-CLIP' | base64)" "$B"
  printf 'Lien %s]8;;https://exemple.invalid/%s\\cliquez ici%s]8;;%s\\ pour voir.\n' "$E" "$E" "$E" "$E"
  printf 'Effacement %s[2J%s[H et cloche %s%s%s fin.\n' "$E" "$E" "$B" "$B" "$B"
  printf 'Passage %sPtmux;%s%s]52;c;%s%s%s\\ caché.\n' "$E" "$E" "$E" "$(printf 'PWNED-TMUX' | base64)" "$B" "$E"
  printf 'Contrôles C1 \xc2\x9b31m et \xc2\x9d0;PWNED-C1\xc2\x9c et bidi \xe2\x80\xaeMARQUEUR\xe2\x80\xac fin.\n'
} > "$corpus/01-hostile.txt"
printf 'Article calme\nLe maire a annoncé lundi : « Le pont rouvrira en mai. »\n' > "$corpus/02-calme.txt"
printf 'Nom piégé\nUn article au nom de fichier hostile.\n' > "$corpus/03-${E}]0;PWNED-NAME${B}.txt"
printf '\x89PNG\x00\x00binaire' > "$corpus/04-binaire.txt"

# run_in_pane NAME COMMAND...: runs COMMAND in a fresh pane, recording stty -g before
# and after and the exit status (in $work/NAME.{before,after,status}).
run_in_pane() {
  local name=$1; shift
  local cmd; printf -v cmd '%q ' "$@"
  cat > "$work/$name.sh" <<SCRIPT
while [ ! -e "$work/$name.go" ]; do sleep 0.05; done
stty -g > "$work/$name.before"
$cmd
echo \$? > "$work/$name.status.tmp"
stty -g > "$work/$name.after"
mv "$work/$name.status.tmp" "$work/$name.status"
echo "DIXIT-EXITED"
sleep 600
SCRIPT
  tm kill-session -t h 2>/dev/null
  tm new-session -d -s h -x "${WIDTH:-120}" -y "${HEIGHT:-35}" \
    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color bash $work/$name.sh"
  tm select-pane -t h -T ORIGINAL-TITLE   # before the command starts (it waits for .go)
  touch "$work/$name.go"
}

# finished NAME STATUS: exit status as expected and terminal settings restored.
finished() {
  local name=$1 want=$2
  if wait_file "$work/$name.status" 20; then
    local got; got=$(cat "$work/$name.status")
    if [ "$got" = "$want" ]; then ok "$name: exit status $want"; else not_ok "$name: exit status $got, expected $want"; fi
    if cmp -s "$work/$name.before" "$work/$name.after"; then ok "$name: stty -g identical before and after"
    else not_ok "$name: stty -g differs after exit"; fi
  else
    not_ok "$name: did not exit"
  fi
}

reader_pid() { pgrep -n -f "^$bin " || true; }

# --- control run: the same bytes printed raw do reach the terminal -----------
run_in_pane control cat "$corpus/01-hostile.txt"
wait_for "DIXIT-EXITED" 10 >/dev/null
sleep 0.3   # let tmux apply the title and clipboard before reading them
if [ "$(title)" != "ORIGINAL-TITLE" ] && buffers | grep -q "PWNED"; then
  ok "control: raw escapes change tmux's title and clipboard (so the checks below can fail)"
else
  not_ok "control: raw escapes did not change the title or clipboard (title '$(title)', buffers '$(buffers)')"
fi
tm delete-buffer 2>/dev/null; while tm delete-buffer 2>/dev/null; do :; done

# --- the reader on hostile articles ----------------------------------------
run_in_pane hostile "$bin" "$corpus"
check "hostile: reader opens" "Articles"
check "hostile: escape shown as ␛ in the article list" "␛]0;PWNED-TITLE␇"
tm send-keys -t h Tab
check "hostile: clipboard write shown inert in the reader" "␛]52;c;"
check "hostile: BEL shown as ␇" "␇␇␇"
check "hostile: bidi override shown as ⸮" "⸮MARQUEUR⸮"
check "hostile: C1 controls shown as �" "�31m"
tm send-keys -t h G
check "hostile: DCS passthrough shown inert" "␛Ptmux;"
sleep 0.3
t=$(title)
if [ "$t" = "ORIGINAL-TITLE" ]; then ok "hostile: pane title unchanged"; else not_ok "hostile: pane title changed to '$t'"; fi
if buffers | grep -q "PWNED"; then not_ok "hostile: clipboard written: $(buffers)"; else ok "hostile: clipboard (paste buffers) unchanged"; fi
# The hostile file name, shown in the article list (clipped there).
check "hostile: file name with an escape shown inert" "03-␛]"
t=$(title)
if [ "$t" = "ORIGINAL-TITLE" ]; then ok "hostile: pane title unchanged after the hostile name"; else not_ok "hostile: pane title changed to '$t'"; fi

# --- 200 resizes in a row, down to 1×1 --------------------------------------
sizes=(1x1 2x1 1x2 80x24 3x3 200x60 10x2 1x40 150x1 24x6 40x12 30x8 29x7 120x35 5x50 7x7 60x20 100x30 1x1 90x3)
for i in $(seq 0 199); do
  s=${sizes[$((i % ${#sizes[@]}))]}
  tm resize-window -t h -x "${s%x*}" -y "${s#*x}"
done
pid=$(reader_pid)
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then ok "resize: alive after 200 resizes"; else not_ok "resize: reader gone after 200 resizes"; fi
tm resize-window -t h -x 1 -y 1
sleep 0.2
tm resize-window -t h -x 120 -y 35
check "resize: redraws in full at 120×35 after 1×1" "Articles"
tm send-keys -t h q
finished hostile 1   # 1: 04-binaire.txt could not be read (named on stderr)

# --- stderr names the hostile files without passing their escapes -----------
"$bin" export "$corpus" >"$work/export.json" 2>"$work/export.err"
st=$?
if [ "$st" = 1 ] && grep -qF "04-binaire.txt" "$work/export.err" && ! grep -q $'\e' "$work/export.err"; then
  ok "export: binary file named on stderr, no escape on stderr, status 1"
else not_ok "export: status $st, stderr: $(cat -v "$work/export.err" | head -3)"; fi
if ! grep -q $'\e' "$work/export.json" && ! LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$work/export.json"; then
  ok "export: no raw ESC or C1 control in the JSON"
else not_ok "export: raw controls in the JSON"; fi

# --- tables and CSV printed on the terminal --------------------------------
for fmt in table csv; do
  run_in_pane "quotes-$fmt" "$bin" quotes --format "$fmt" "$corpus"
  wait_for "DIXIT-EXITED" 20 >/dev/null
  sleep 0.3
  t=$(title)
  if [ "$t" = "ORIGINAL-TITLE" ] && ! buffers | grep -q "PWNED" && screen | grep -qF "␛"; then
    ok "quotes --format $fmt on a terminal: escapes shown inert, title and clipboard unchanged"
  else not_ok "quotes --format $fmt on a terminal: title '$t', buffers '$(buffers)'"; fi
done

# --- a size limit too large to count in bytes is a usage error, not a crash ---
"$bin" export --no-cache --max-file-size 9223372036854775807 "$corpus" >/dev/null 2>"$work/huge.err"
st=$?
if [ "$st" = 2 ] && grep -qF "too large" "$work/huge.err"; then ok "--max-file-size 2^63-1: usage error (status 2)"
else not_ok "--max-file-size 2^63-1: status $st"; fi

# --- SIGTERM and SIGHUP -----------------------------------------------------
for sig in TERM HUP; do
  run_in_pane "sig$sig" "$bin" "$corpus"
  check "sig$sig: reader opens" "Articles"
  pid=$(reader_pid)
  if [ -n "$pid" ]; then
    kill -"$sig" "$pid"
    finished "sig$sig" $((128 + $(kill -l "$sig")))
  else not_ok "sig$sig: reader process not found"; fi
done

# --- Ctrl-C while a large corpus is loading --------------------------------
big="$work/big"
mkdir -p "$big"
para='« Nous tiendrons jusqu’au bout », a déclaré mardi Jean Dupont, ministre des Affaires étrangères, à Paris. '
line=$(printf "%s" "$para"; printf "%s" "$para"; printf "%s" "$para")
for i in $(seq 1 400); do
  { printf 'Article %d\n' "$i"; for k in $(seq 1 40); do printf '%s\n' "$line"; done; } > "$big/a$i.txt"
done
run_in_pane sigint "$bin" "$big"
if wait_for "Articles" 15; then
  # As soon as the first screen shows; loading 400 articles goes on in the background.
  loading=$(screen | grep -cE "[0-9]+/400|oading" || true)
  tm send-keys -t h C-c
  finished sigint 130
  if [ "$loading" -gt 0 ]; then ok "sigint: Ctrl-C came while loading"; else echo "note - loading was already over when Ctrl-C came"; fi
else
  not_ok "sigint: reader did not open"
fi

# --- Ctrl-Z and fg ----------------------------------------------------------
tm kill-session -t h 2>/dev/null
tm new-session -d -s h -x 120 -y 35 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color PS1='hostile\$ ' bash --norc --noprofile -i"
if wait_for "hostile\$" 10; then
  tm send-keys -t h "stty -g > $work/tstp.before; $bin $corpus; stty -g > $work/tstp.after; echo TSTP-DONE" Enter
  check "ctrl-z: reader opens" "Articles"
  tm send-keys -t h C-z
  check "ctrl-z: back at the shell" "Stopped"
  tm send-keys -t h "fg" Enter
  check "ctrl-z: fg redraws the reader" "Articles"
  tm resize-window -t h -x 1 -y 1; tm resize-window -t h -x 120 -y 35
  tm send-keys -t h C-z
  check "ctrl-z: stops again after a resize" "Stopped"
  tm send-keys -t h "fg" Enter
  check "ctrl-z: and comes back" "Articles"
  tm send-keys -t h q
  check "ctrl-z: quits after resuming" "TSTP-DONE"
  if wait_file "$work/tstp.after" 5 && cmp -s "$work/tstp.before" "$work/tstp.after"; then
    ok "ctrl-z: stty -g identical before and after"
  else not_ok "ctrl-z: stty -g differs"; fi
else
  not_ok "ctrl-z: interactive shell did not start"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
