/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/cred.h: who a task is: real, effective, saved and
 * file-system user and group ids, and its supplementary groups (kernel/sys.c,
 * kernel/groups.c). Root (euid 0) may take any ids, as with CAP_SETUID and
 * CAP_SETGID on Linux; others only their own real, effective or saved ones.
 * kill() asks for matching ids unless root. A file's mode bits are checked
 * against fsuid, fsgid and groups (inode_permission, fs/namei.c), and a new
 * file is fsuid's; root (uid 0) passes as with Linux's CAP_DAC_OVERRIDE.
 */
#ifndef __LINUX_CRED_H
#define __LINUX_CRED_H

#include <linux/types.h>

#define NGROUPS_SMALL	32	/* setgroups beyond this: -EINVAL (Linux: 65536) */

struct cred {
	unsigned int uid, euid, suid, fsuid;
	unsigned int gid, egid, sgid, fsgid;
	int ngroups;
	unsigned int groups[NGROUPS_SMALL];
};

#endif
