#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# procfs.sh: /proc as busybox's applets and a shell script read it:
# /proc/self, /proc/PID/{stat,status,cmdline,exe,fd,maps}, /proc/loadavg,
# /proc/version, /proc/uptime, and ps, free, uptime, top over them. KTAP
# out; each case compares what was read with what Linux shows for the same
# process. Run by tools/testing/boot/test_procfs.py (`-- /test/procfs.sh`),
# which also checks /proc/cmdline against the command line it booted with.

n=0
failed=0
check() {	# check NAME GOT WANT
	n=$((n + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $n $1"
	else
		echo "not ok $n $1"
		echo "# got:  $(printf '%s' "$2" | tr '\n' '|')"
		echo "# want: $(printf '%s' "$3" | tr '\n' '|')"
		failed=$((failed + 1))
	fi
}
# field N of /proc/PID/stat (comm has no spaces here)
statf() { cut -d' ' -f"$2" "/proc/$1/stat"; }
# value of a /proc/PID/status line
statusf() { awk -v k="$2:" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "/proc/$1/status"; }

echo "KTAP version 1"
echo "1..22"

# The shell opens the file itself: /proc/self is the shell.
read -r selfpid rest < /proc/self/stat
check self_is_caller "$selfpid $(readlink /proc/self | grep -c '^[0-9][0-9]*$')" "$$ 1"

check stat_52_fields "$(wc -w < /proc/$$/stat)" "52"
check stat_ids "$(statf $$ 1) $(statf $$ 2) $(statf $$ 4) $(statf $$ 5)" "$$ ($(basename $0)) $PPID $(statf $$ 5)"
check stat_state_running "$(statf self 3)" "R"

check status_ids "$(statusf $$ Name)|$(statusf $$ Pid)|$(statusf $$ PPid)|$(statusf $$ Tgid)" \
	"$(basename $0)|$$|$PPID|$$"
check status_creds "$(statusf $$ Uid)|$(statusf $$ Gid)|$(statusf $$ Threads)|$(statusf $$ Umask)" \
	"0 0 0 0|0 0 0 0|1|$(umask)"
check status_memory "$(grep -c '^VmSize:' /proc/$$/status) $(grep -c '^VmRSS:' /proc/$$/status)" "1 1"
check status_signals "$(grep -cE '^(SigQ|SigPnd|ShdPnd|SigBlk|SigIgn|SigCgt):' /proc/$$/status)" "6"

sleep 30 &
sleeper=$!
# until the child has exec'd sleep (before, it is a copy of this shell, on Linux too)
for try in $(seq 100); do
	[ "$(statusf $sleeper Name)" = "$(statusf $$ Name)" ] || break
	sleep 0.05
done
check cmdline_of_other "$(tr '\0' ' ' < /proc/$sleeper/cmdline)" "sleep 30 "
check ps_shows_args "$(ps | awk -v p=$sleeper '$1 == p { print $(NF - 1), $NF }')" "sleep 30"
check stat_of_sleeper "$(statf $sleeper 2) $(statf $sleeper 3) $(statf $sleeper 4)" \
	"($(statusf $sleeper Name)) S $$"

check exe_links "$(readlink /proc/self/exe) $(readlink /proc/$$/exe)" "/bin/busybox /bin/busybox"

echo data > /tmp/procfs-f
exec 3< /tmp/procfs-f
exec 4> /tmp/procfs-del
rm /tmp/procfs-del
check fd_links "$(readlink /proc/$$/fd/3)|$(readlink /proc/$$/fd/4)" \
	"/tmp/procfs-f|/tmp/procfs-del (deleted)"
check fd_pipe "$(echo | readlink /proc/self/fd/0 | grep -c '^pipe:\[[0-9][0-9]*\]$')" "1"
# ls has the shell's 0-4 and the directory it reads (5) open
check fd_listing "$(ls /proc/self/fd | tr '\n' ' ')" "0 1 2 3 4 5 "
check fd_modes "$(ls -l /proc/$$/fd/3 | cut -c1-4) $(ls -l /proc/$$/fd/4 | cut -c1-4)" "lr-x l-wx"
exec 3<&- 4>&-

bad=$(awk '!/^[0-9a-f]+-[0-9a-f]+ [r-][w-][x-][ps] [0-9a-f]{8} [0-9a-f]{2}:[0-9a-f]{2} [0-9]+/' /proc/self/maps)
check maps_format "$bad$(grep -c 'r-xp .* /bin/busybox$' /proc/self/maps) \
$(grep -c ' \[stack\]$' /proc/self/maps) $(grep -c ' \[vdso\]$' /proc/self/maps)" "1 1 1"

kill $sleeper
wait $sleeper 2>/dev/null
check vanished_pid "$(cat /proc/$sleeper/stat 2>&1 >/dev/null | grep -c 'No such file') \
$(test -e /proc/$sleeper || echo gone)" "1 gone"

check version_is_uname "$(cut -d' ' -f1-3 /proc/version)" "$(uname -s) version $(uname -r)"

# /proc/filesystems in Linux's format ("nodev", a tab, the name), naming
# every type /proc/mounts shows.
tab=$(printf '\t')
check filesystems_cover_mounts "$(grep -cvE "^(nodev)?$tab[a-z0-9_.]+\$" /proc/filesystems) \
$(for t in $(cut -d' ' -f3 /proc/mounts | sort -u); do
	grep -qx "nodev$tab$t" /proc/filesystems && echo ok || echo "no-$t"
done | sort -u | tr '\n' ' ')" "0 ok "

# Keep a CPU busy over two load samples (every 5 s): the 1 minute load rises.
spin_end=$(($(cut -d. -f1 /proc/uptime) + 11))
( while [ "$(cut -d. -f1 /proc/uptime)" -lt $spin_end ]; do :; done ) &
wait $!
load=$(cut -d' ' -f1 /proc/loadavg)
check loadavg "$(grep -cE '^[0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} [0-9]+/[0-9]+ [0-9]+$' /proc/loadavg) \
$([ "$load" != 0.00 ] && echo busy)" "1 busy"
# uptime(1) reads sysinfo(2): the same averages, truncated where /proc
# rounds (as on Linux), so they differ by at most 0.01 (retried if a sample
# fell in between)
for try in 1 2 3; do
	u1=$(uptime | sed -n 's/.*load average: \([0-9.]*\),.*/\1/p')
	l1=$(cut -d' ' -f1 /proc/loadavg)
	near=$(awk -v u="$u1" -v l="$l1" 'BEGIN { d = u - l; print (u != "" && d < 0.015 && d > -0.015) ? "close" : "far " u " " l }')
	[ "$near" = close ] && break
done
check uptime_applet "$near" "close"

echo "# cmdline: $(cat /proc/cmdline)"
echo "# free: $(free | grep -c '^Mem:')"

if [ $failed -eq 0 ]; then
	echo "# procfs: pass:$n fail:0"
	exit 0
fi
echo "# procfs: pass:$((n - failed)) fail:$failed"
exit 1
