#!/usr/bin/env bash
# run-as-unit.sh UNIT_FILE INSTANCE CREDENTIALS_DIR
# Runs the ExecStart= of an installed xueshi-server unit as systemd would, where systemd is not
# PID 1 (containers): as its User=/Group= without capabilities and with no new privileges, with
# only its Environment=, its UMask=, its LimitNOFILE= (at most the hard limit this root may set),
# MemoryDenyWriteExecute= through prctl(PR_SET_MDWE), from /, and each LoadCredential=ID:PATH
# copied to CREDENTIALS_DIR/ID (which must not exist; the caller removes it) for the user only.
# %i is INSTANCE. The server replaces this script (exec): its pid is this script's.
# Not enforced: the file-system, device, namespace, address-family and system-call sandboxing.
set -euo pipefail
unit=$1
instance=$2
credentials=$3

setting() { sed -n "s/^$1=//p" "$unit" | tail -n 1 | sed "s/%i/$instance/g"; }
user=$(setting User)
group=$(setting Group)
: "${group:=$user}"

install -d -m 0700 -o "$user" -g "$group" "$credentials"
while IFS= read -r line; do
    id=${line%%:*}
    path=${line#*:}
    if [ ! -f "$path" ]; then
        echo "run-as-unit: LoadCredential=$line: $path does not exist (systemd would refuse)" >&2
        exit 243
    fi
    install -m 0400 -o "$user" -g "$group" "$path" "$credentials/$id"
done < <(sed -n 's/^LoadCredential=//p' "$unit")
chmod 0500 "$credentials"

environment=(PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 CREDENTIALS_DIRECTORY="$credentials")
while IFS= read -r assignment; do
    environment+=("$assignment")
done < <(sed -n 's/^Environment=//p' "$unit")

nofile=$(setting LimitNOFILE)
hard=$(ulimit -Hn)
if [ -n "$nofile" ] && [ "$hard" != unlimited ] && [ "$hard" -lt "$nofile" ]; then
    echo "run-as-unit: LimitNOFILE=$nofile is above this machine's hard limit $hard: using $hard" >&2
    nofile=$hard
fi
limit=()
[ -z "$nofile" ] || limit=(prlimit --nofile="$nofile:$nofile" --)

mdwe=()
if [ "$(setting MemoryDenyWriteExecute)" = yes ]; then
    mdwe=(python3 -c 'import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:  # PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN
    sys.exit("run-as-unit: PR_SET_MDWE failed: errno %d" % ctypes.get_errno())
os.execvp(sys.argv[1], sys.argv[1:])')
fi

umask_value=$(setting UMask)
[ -z "$umask_value" ] || umask "$umask_value"
read -r -a argv <<<"$(setting ExecStart)"
echo "run-as-unit: ${argv[*]} (as $user)" >&2
cd /
exec env -i "${environment[@]}" "${mdwe[@]}" "${limit[@]}" \
    setpriv --reuid="$user" --regid="$group" --init-groups --no-new-privs \
    --inh-caps=-all --bounding-set=-all -- "${argv[@]}"
