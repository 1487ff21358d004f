#!/usr/bin/env bash
# systemd-namespace.sh UNIT_NAME...
# Run by test-packages.sh as `unshare --pid --fork --mount --uts --ipc systemd-namespace.sh ...`
# where systemd is not PID 1 (containers, this machine): becomes systemd, PID 1 of these new
# namespaces, on this machine's root file system, so the installed units run under the real
# service manager with their sandboxing enforced (seccomp, namespaces, credentials...).
# Nothing of the boot runs: a target of its own is the default, the boot's units that would
# touch the machine (tmpfiles' clean-up of /tmp, sysctl, udev, networking, module loading, the
# machine's databases and web servers) are masked in this namespace's private /run, and the
# named units get DefaultDependencies=no (their [Service] section, the subject, is untouched).
# `nsenter -t PID -m -p systemctl ...` talks to it; killing PID ends the namespace and all in it.
set -euo pipefail
mount --make-rprivate /
mount -t proc proc /proc
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
mkdir -p /run/systemd/system /run/lock
cat >/run/systemd/system/xueshi-check.target <<UNIT
[Unit]
Description=Xueshi: the installed units under systemd
DefaultDependencies=no
UNIT
for unit in sysinit.target basic.target network.target network-online.target getty.target \
    systemd-tmpfiles-setup.service systemd-tmpfiles-setup-dev.service \
    systemd-tmpfiles-clean.timer systemd-sysctl.service systemd-udevd.service \
    systemd-udev-trigger.service systemd-modules-load.service systemd-remount-fs.service \
    systemd-journal-flush.service networking.service console-getty.service \
    postgresql.service nginx.service; do
    ln -sf /dev/null "/run/systemd/system/$unit"
done
for unit in "$@"; do
    mkdir -p "/run/systemd/system/$unit.d"
    printf '[Unit]\nDefaultDependencies=no\n' >"/run/systemd/system/$unit.d/no-boot.conf"
done
exec env -i container=xueshi-check /lib/systemd/systemd --unit=xueshi-check.target \
    --log-target=console --log-level=warning
