#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# busybox.sh: Debian's busybox on headstart, as a shell script a user would
# write: pipelines, redirections, here-documents, $(...), files in /tmp,
# a #! script, /proc and /dev. KTAP out; each case compares what a command
# printed with what Linux prints. Run by the busybox boot test
# (tools/testing/boot/test_busybox.py: `-- /test/busybox.sh`).

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

echo "KTAP version 1"
echo "1..24"

check pipeline "$(echo hello world | tr a-z A-Z | cut -d' ' -f2)" "WORLD"
check long_pipeline "$(printf '3\n1\n2\n1\n' | sort | uniq -c | awk '{print $2 ":" $1}' | tr '\n' ' ')" \
	"1:2 2:1 3:1 "

mkdir -p /tmp/bb
echo one > /tmp/bb/f
echo two >> /tmp/bb/f
check redirection "$(wc -l < /tmp/bb/f) $(cat /tmp/bb/f nosuch 2>/dev/null | tail -n 1)" "2 two"
check stderr_to_stdout "$(ls /nosuch 2>&1 >/dev/null | grep -c nosuch)" "1"

name=here
check here_document "$(cat <<EOF
a $name
b $((2 + 3))
EOF
)" "a here
b 5"
check command_substitution "$(echo $(echo $(basename /x/y/z)))-$(expr 6 \* 7)" "z-42"

printf 'x\ny\nz\n' | while read -r line; do echo "$line$line"; done > /tmp/bb/loop
check while_read_loop "$(tr '\n' ' ' < /tmp/bb/loop)" "xx yy zz "

mkdir -p /tmp/bb/d/e && touch /tmp/bb/d/e/t && mv /tmp/bb/d/e /tmp/bb/d/g
ln -s /tmp/bb/d/g/t /tmp/bb/link && cp /tmp/bb/f /tmp/bb/d/copy
check files_in_tmp "$(ls /tmp/bb/d | tr '\n' ' ')$(readlink /tmp/bb/link) $(head -n 1 /tmp/bb/d/copy)" \
	"copy g /tmp/bb/d/g/t one"
rm -r /tmp/bb/d
check rm_r "$(ls /tmp/bb | tr '\n' ' ')$(test -e /tmp/bb/d || echo gone)" "f link loop gone"

cat > /tmp/bb/s <<'EOF'
#!/bin/sh
echo "script $# $1"
exit 3
EOF
chmod +x /tmp/bb/s
out=$(/tmp/bb/s arg)
check script_and_status "$out $?" "script 1 arg 3"
check and_or_status "$(false || echo or; true && echo and)" "or
and"

check proc_files "$(grep -c '^MemTotal:' /proc/meminfo) $(grep -c ' /proc proc ' /proc/mounts) $(cut -d' ' -f1 /proc/1/stat)" \
	"1 1 1"
check ps_sees_init "$(ps | awk '$1 == 1 {print "init"}')" "init"
check dev_zero_null "$(head -c 16 /dev/zero | wc -c) $(echo x > /dev/null; echo $?) $(head -c 8 /dev/urandom | wc -c)" \
	"16 0 8"
check dev_full "$(echo x 2>/dev/null > /dev/full || echo ENOSPC)" "ENOSPC"
check find_and_sed "$(find /tmp/bb -name 'f*' | sed 's,/tmp/,T:,')" "T:bb/f"

# Hard links: one inode, two names (ls -li shows one number and a count
# of 2); the data stays with the last name; errors as Linux gives them.
echo data > /tmp/bb/h1
ln /tmp/bb/h1 /tmp/bb/h2
check hard_link "$(stat -c %h /tmp/bb/h1) $(cat /tmp/bb/h2) $(ls -li /tmp/bb/h1 /tmp/bb/h2 |
	awk '{print $1 "-" $3}' | uniq | wc -l) $(ls -li /tmp/bb/h2 | awk '{print $3}')" "2 data 1 2"
echo more >> /tmp/bb/h2
rm /tmp/bb/h1
check hard_link_unlink "$(stat -c %h /tmp/bb/h2) $(tr '\n' ' ' < /tmp/bb/h2)" "1 data more "
mkdir -p /tmp/bb/nl/a /tmp/bb/nl/b /tmp/bb/nl/a/c
ln -s h2 /tmp/bb/nl/s && touch /tmp/bb/nl/t
check dir_link_count "$(stat -c %h /tmp/bb/nl) $(stat -c %h /tmp/bb/nl/a) $(stat -c %h /tmp/bb/nl/b)" "4 3 2"
ln /tmp/bb/h2 /tmp/bb/nl/t 2>/dev/null; s1=$?
ln /tmp/bb/nl /tmp/bb/dl 2>/dev/null; s2=$?
check ln_errors "$s1 $(ln /tmp/bb/h2 /tmp/bb/nl/t 2>&1 | grep -c 'File exists') $s2 $(test -e /tmp/bb/dl ||
	echo none) $(ln /dev/null /tmp/bb/n 2>&1 | grep -c 'cross-device link')" "1 1 1 none 1"

# /proc/self/fd/N and /dev/std* open the file the fd has open, anew:
# a file, a pipe, an unlinked file.
check dev_fd_links "$(for f in fd stdin stdout stderr; do readlink /dev/$f; done | tr '\n' ' ')" \
	"/proc/self/fd /proc/self/fd/0 /proc/self/fd/1 /proc/self/fd/2 "
check proc_fd_open "$(cat /proc/self/fd/0 < /tmp/bb/h2 | head -n 1) $(echo piped | cat /dev/stdin) \
$( (echo to-stdout > /dev/stdout) | tr a-z A-Z) $( (echo err > /dev/stderr) 2>&1 | wc -c)" \
	"data piped TO-STDOUT 4"
exec 5<> /tmp/bb/gone
echo kept >&5
rm /tmp/bb/gone
check proc_fd_unlinked "$(cat /dev/fd/5) $(ls -l /proc/self/fd/5 | grep -c '(deleted)')" "kept 1"
exec 5>&-

# ETXTBSY, as Linux: a program some process runs does not open for
# writing, and a file open for writing (here fd 3, which the subshell
# inherits) does not run; both work again afterwards.
cp /bin/busybox /tmp/bb/busybox
/tmp/bb/busybox sleep 60 &
runner=$!
i=0
while [ "$(readlink /proc/$runner/exe)" != /tmp/bb/busybox ] && [ $i -lt 200 ]; do
	usleep 10000
	i=$((i + 1))
done
busy=$( (: >> /tmp/bb/busybox) 2>&1 | grep -c 'Text file busy')
kill $runner
wait $runner
exec 3>> /tmp/bb/busybox
ran=$(/tmp/bb/busybox true 2>&1; echo "status $?")
exec 3>&-
check etxtbsy "$busy $(echo "$ran" | grep -c 'Text file busy') $(echo "$ran" | tail -n 1) \
$(/tmp/bb/busybox echo runs) $(: >> /tmp/bb/busybox && echo writable)" "1 1 status 126 runs writable"

rm -rf /tmp/bb
echo "# busybox.sh: pass:$((n - failed)) fail:$failed skip:0 total:$n"
[ "$failed" = 0 ]
